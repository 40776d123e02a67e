import { describe, expect, it } from 'vitest';
import {
  biaProblems,
  checkBiaComplete,
  checkRoomForDocument,
  documentRefusalMessage,
  documentRefused,
  effectivePerson,
  type BiaContent,
  type BiaPrefilled,
} from '../../../functions/domain/bia';
import { DomainError } from '../../../functions/domain/errors';

const TODAY = '2026-05-15';
const prefilled: BiaPrefilled = {
  civilite: 'MME',
  lastName: 'Moreau',
  firstName: 'Camille',
  birthDate: '1990-04-12',
  email: 'camille.moreau@example.com',
  address: { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon' },
};

const complete: BiaContent = {
  identity: {},
  situation: 'marie',
  noemie: true,
  beneficiaries: [
    { kind: 'conjoint', lastName: 'Moreau', firstName: 'Luc', birthDate: '1988-02-01', noemie: true },
    {
      kind: 'enfant',
      lastName: 'Moreau',
      firstName: 'Inès',
      birthDate: '2019-09-30',
      attachedToNir: '290046912345678',
      noemie: false,
    },
  ],
  bank: { holder: 'Camille Moreau', iban: 'FR7630006000011234567890189' },
  documents: { rib: ['01JAAAAAAAAAAAAAAAAAAAAAAA'], attestation: ['01JBBBBBBBBBBBBBBBBBBBBBBB'] },
  consent: true,
  swornStatement: true,
};

const online = { today: TODAY, requireDocuments: true };

describe('the person on the BIA', () => {
  it('keeps what the employer typed when the employee changed nothing', () => {
    expect(effectivePerson(prefilled, {})).toEqual({
      civilite: 'MME',
      lastName: 'Moreau',
      birthName: undefined,
      firstName: 'Camille',
      birthDate: '1990-04-12',
      email: 'camille.moreau@example.com',
      address: prefilled.address,
    });
  });

  it('takes the employee’s corrections field by field, and a typed address as a whole', () => {
    const person = effectivePerson(prefilled, {
      identity: { firstName: 'Camila', birthName: 'Petit' },
      address: { line1: '3 place Bellecour' },
      email: 'camila@example.com',
    });
    expect(person).toMatchObject({ firstName: 'Camila', lastName: 'Moreau', birthName: 'Petit' });
    expect(person.email).toBe('camila@example.com');
    // The old town is not kept under a new street.
    expect(person.address).toEqual({ line1: '3 place Bellecour' });
  });
});

describe('completeness of a BIA before finalization', () => {
  it('accepts a complete BIA', () => {
    expect(biaProblems(prefilled, complete, online)).toEqual({});
    expect(() => checkBiaComplete(prefilled, complete, online)).not.toThrow();
  });

  it('names every missing part of an empty BIA, in French', () => {
    const problems = biaProblems(prefilled, {}, online);
    expect(Object.keys(problems).sort()).toEqual(
      [
        'situation',
        'noemie',
        'bank.iban',
        'bank.holder',
        'documents.rib',
        'documents.attestation',
        'consent',
        'swornStatement',
      ].sort(),
    );
    expect(problems['documents.rib']).toMatch(/Joignez votre RIB/);
    expect(problems.noemie).toMatch(/Noémie/);
  });

  it('refuses with a 422 whose fields name the parts to complete', () => {
    try {
      checkBiaComplete(
        prefilled,
        { ...complete, consent: false, bank: { iban: complete.bank!.iban } },
        online,
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'UNPROCESSABLE', reason: 'BIA_INCOMPLETE' });
      expect(Object.keys((error as DomainError).fields!)).toEqual(['bank.holder', 'consent']);
    }
  });

  it('asks for a whole address once the employee starts typing a new one', () => {
    const problems = biaProblems(prefilled, { ...complete, address: { line1: '3 place Bellecour' } }, online);
    expect(problems).toEqual({
      'address.postalCode': 'Indiquez le code postal.',
      'address.city': 'Indiquez la commune.',
    });
  });

  it('refuses an employee or a beneficiary born in the future', () => {
    const problems = biaProblems(
      prefilled,
      {
        ...complete,
        identity: { birthDate: '2026-05-16' },
        beneficiaries: [
          {
            kind: 'enfant',
            lastName: 'Moreau',
            firstName: 'Léo',
            birthDate: '2027-01-01',
            nir: '1',
            noemie: true,
          },
        ],
      },
      online,
    );
    expect(problems['identity.birthDate']).toMatch(/futur/);
    expect(problems['beneficiaries.0.birthDate']).toMatch(/futur/);
  });

  it('accepts a child born today', () => {
    const child = {
      kind: 'enfant' as const,
      lastName: 'Moreau',
      firstName: 'Léo',
      birthDate: TODAY,
      attachedToNir: '2',
      noemie: true,
    };
    expect(biaProblems(prefilled, { ...complete, beneficiaries: [child] }, online)).toEqual({});
  });

  it('refuses a second conjoint', () => {
    const conjoint = complete.beneficiaries![0]!;
    const problems = biaProblems(prefilled, { ...complete, beneficiaries: [conjoint, conjoint] }, online);
    expect(problems).toEqual({ 'beneficiaries.1.kind': 'Un seul conjoint peut être déclaré.' });
  });

  it('needs a child’s own NIR or the NIR of the parent they are attached to', () => {
    const child = {
      kind: 'enfant' as const,
      lastName: 'Moreau',
      firstName: 'Léo',
      birthDate: '2020-01-01',
      noemie: true,
    };
    expect(Object.keys(biaProblems(prefilled, { ...complete, beneficiaries: [child] }, online))).toEqual([
      'beneficiaries.0.nir',
    ]);
    expect(biaProblems(prefilled, { ...complete, beneficiaries: [{ ...child, nir: 'x' }] }, online)).toEqual(
      {},
    );
  });

  it('does not need the conjoint’s NIR', () => {
    const conjoint = {
      kind: 'conjoint' as const,
      lastName: 'Moreau',
      firstName: 'Luc',
      birthDate: '1988-02-01',
      noemie: false,
    };
    expect(biaProblems(prefilled, { ...complete, beneficiaries: [conjoint] }, online)).toEqual({});
  });

  it('needs no uploaded document for a paper BIA (the copies came by post)', () => {
    expect(
      biaProblems(prefilled, { ...complete, documents: {} }, { today: TODAY, requireDocuments: false }),
    ).toEqual({});
    expect(Object.keys(biaProblems(prefilled, { ...complete, documents: { rib: ['x'] } }, online))).toEqual([
      'documents.attestation',
    ]);
  });

  it('needs the consent and the sworn statement to be true, not only present', () => {
    const problems = biaProblems(prefilled, { ...complete, consent: false, swornStatement: false }, online);
    expect(Object.keys(problems)).toEqual(['consent', 'swornStatement']);
  });
});

describe('refused documents', () => {
  it('says which document and why, with the right gender', () => {
    expect(documentRefusalMessage('rib', 'disguised')).toBe(
      'Le RIB n’est pas un PDF, JPEG ou PNG valide : il a été refusé.',
    );
    expect(documentRefusalMessage('attestation', 'too-large', 'scan.png')).toBe(
      'L’attestation de droits Sécurité sociale (« scan.png ») dépasse 3 Mo : elle a été refusée.',
    );
    expect(documentRefusalMessage('attestation', 'not-uploaded', 'a.pdf')).toMatch(/n’a pas été reçue :/);
  });

  it('is a 422 at the document’s place in the form', () => {
    const error = documentRefused('attestation', 1, 'disguised', 'faux.pdf');
    expect(error).toMatchObject({ code: 'UNPROCESSABLE', reason: 'BIA_DOCUMENT_DISGUISED' });
    expect(Object.keys(error.fields!)).toEqual(['documents.attestation.1']);
  });

  it('refuses a third file for a document that already has two', () => {
    expect(() => checkRoomForDocument('rib', 1, 2)).not.toThrow();
    expect(() => checkRoomForDocument('rib', 2, 2)).toThrow(DomainError);
    try {
      checkRoomForDocument('rib', 2, 2);
    } catch (error) {
      expect((error as DomainError).reason).toBe('BIA_DOCUMENTS_PER_KIND');
      expect((error as DomainError).fields?.kind).toMatch(/Le RIB compte déjà 2 fichiers/);
    }
  });
});

describe('field paths', () => {
  it('are prefixed with where the BIA sits in the request body', () => {
    const problems = biaProblems(prefilled, { ...complete, consent: false }, { ...online, prefix: 'draft.' });
    expect(Object.keys(problems)).toEqual(['draft.consent']);
    expect(Object.keys(documentRefused('rib', 0, 'unknown', undefined, 'draft.').fields!)).toEqual([
      'draft.documents.rib.0',
    ]);
  });
});
