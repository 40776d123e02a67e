import { describe, expect, it } from 'vitest';
import { biaDraft, type GetBiaResponse } from '../../../../functions/contracts/affiliation';
import {
  formValuesFromBia,
  newBeneficiary,
  pageOrder,
  targetOfServerField,
  toDraft,
  type BiaFormValues,
} from '../../../../web/src/features/bia/lib/bia-form';
import { flattenErrors } from '../../../../web/src/features/bia/lib/error-summary';

const prefilled: GetBiaResponse['prefilled'] = {
  civilite: 'MME',
  lastName: 'Martin',
  birthName: 'Durand',
  firstName: 'Léa',
  birthDate: '1990-04-02',
  email: 'lea.martin@exemple.fr',
  address: { line1: '3 place du Marché', postalCode: '69002', city: 'Lyon' },
};

describe('the BIA form filled from the server', () => {
  it("starts from the employer's data when the employee has written nothing", () => {
    const values = formValuesFromBia({ prefilled, draft: biaDraft.parse({}) });
    expect(values.identity).toEqual({
      civilite: 'MME',
      lastName: 'Martin',
      birthName: 'Durand',
      firstName: 'Léa',
      birthDate: '1990-04-02',
    });
    expect(values.address).toEqual({
      line1: '3 place du Marché',
      line2: '',
      postalCode: '69002',
      city: 'Lyon',
    });
    expect(values.email).toBe('lea.martin@exemple.fr');
    expect(values.noemie).toBe('');
    expect(values.beneficiaries).toEqual([]);
    expect(values.consent).toBe(false);
  });

  it("prefers the employee's draft, field by field", () => {
    const draft = biaDraft.parse({
      identity: { lastName: 'Martin-Leroy' },
      address: { city: 'Villeurbanne', postalCode: '69100' },
      noemie: false,
      situation: 'pacse',
      beneficiaries: [
        {
          kind: 'enfant',
          lastName: 'Martin',
          firstName: 'Tom',
          birthDate: '2019-06-01',
          attachedToNir: '290027512345621',
          noemie: true,
        },
      ],
      bank: { iban: 'FR7630006000011234567890189' },
      consent: true,
    });
    const values = formValuesFromBia({ prefilled, draft });
    expect(values.identity.lastName).toBe('Martin-Leroy');
    expect(values.identity.firstName).toBe('Léa');
    expect(values.address).toEqual({
      line1: '3 place du Marché',
      line2: '',
      postalCode: '69100',
      city: 'Villeurbanne',
    });
    expect(values.noemie).toBe('non');
    expect(values.situation).toBe('pacse');
    expect(values.beneficiaries[0]).toMatchObject({
      nirMode: 'attached',
      attachedToNir: '290027512345621',
      nir: '',
    });
    expect(values.bank.iban).toBe('FR7630006000011234567890189');
    expect(values.consent).toBe(true);
  });
});

describe('the draft sent to the API', () => {
  const values: BiaFormValues = {
    ...formValuesFromBia({ prefilled, draft: biaDraft.parse({}) }),
    email: '  ',
    situation: 'marie',
    noemie: 'oui',
    beneficiaries: [
      {
        ...newBeneficiary('conjoint'),
        lastName: 'Martin',
        firstName: 'Hugo',
        birthDate: '1988-01-01',
        nir: '185057800608491',
      },
      {
        ...newBeneficiary('enfant', 'Martin'),
        firstName: 'Tom',
        birthDate: '2019-06-01',
        nirMode: 'attached',
        nir: '185057800608491',
        attachedToNir: '290027512345621',
        noemie: false,
      },
    ],
    bank: { holder: 'Léa Martin', iban: 'FR76 3000 6000 0112 3456 7890 189', bic: '' },
    consent: true,
    swornStatement: false,
  };

  it('leaves out what is blank and keeps the NIR that the chosen option says', () => {
    const draft = toDraft(values, { rib: ['01JAAAAAAAAAAAAAAAAAAAAAAA'], attestation: [] });
    expect(draft).not.toHaveProperty('email');
    expect(draft.noemie).toBe(true);
    expect(draft.beneficiaries).toEqual([
      {
        kind: 'conjoint',
        lastName: 'Martin',
        firstName: 'Hugo',
        birthDate: '1988-01-01',
        nir: '185057800608491',
        noemie: true,
      },
      {
        kind: 'enfant',
        lastName: 'Martin',
        firstName: 'Tom',
        birthDate: '2019-06-01',
        attachedToNir: '290027512345621',
        noemie: false,
      },
    ]);
    expect(draft.bank).toEqual({ holder: 'Léa Martin', iban: 'FR76 3000 6000 0112 3456 7890 189' });
    expect(draft.documents).toEqual({ rib: ['01JAAAAAAAAAAAAAAAAAAAAAAA'] });
    expect(draft.swornStatement).toBe(false);
  });

  it("passes the contract's draft schema, which normalises the IBAN", () => {
    const parsed = biaDraft.parse(toDraft(values, {}));
    expect(parsed.bank?.iban).toBe('FR7630006000011234567890189');
    expect(parsed.documents).toEqual({});
  });

  it('sends an unanswered Noémie and situation as absent, not as false or empty', () => {
    const draft = toDraft({ ...values, noemie: '', situation: '' }, {});
    expect(draft).not.toHaveProperty('noemie');
    expect(draft).not.toHaveProperty('situation');
  });
});

describe("where the API's messages go", () => {
  it('maps body paths to the form fields', () => {
    expect(targetOfServerField('draft.bank.iban')).toEqual({ kind: 'field', name: 'bank.iban' });
    expect(targetOfServerField('beneficiaries.1.birthDate')).toEqual({
      kind: 'field',
      name: 'beneficiaries.1.birthDate',
    });
    expect(targetOfServerField('draft.address')).toEqual({ kind: 'field', name: 'address.line1' });
  });

  it('maps document refusals to the kind, or to one of its files', () => {
    expect(targetOfServerField('draft.documents.rib')).toEqual({ kind: 'document', documentKind: 'rib' });
    expect(targetOfServerField('documents.attestation.1')).toEqual({
      kind: 'document',
      documentKind: 'attestation',
      index: 1,
    });
  });

  it('keeps unknown paths for the summary', () => {
    expect(targetOfServerField('draft.somethingElse')).toEqual({ kind: 'none' });
    expect(targetOfServerField('documents.passport')).toEqual({ kind: 'none' });
  });
});

describe('the error summary at the top of the BIA', () => {
  it('lists nested errors in the order of the page, without walking into DOM refs', () => {
    const errors = {
      bank: {
        iban: { type: 'custom', message: 'IBAN invalide.', ref: { nodeName: 'INPUT', message: 'no' } },
      },
      identity: { lastName: { type: 'server', message: 'Ce champ est obligatoire.' } },
      beneficiaries: [undefined, { birthDate: { type: 'x', message: 'Date invalide.' } }],
      consent: { type: 'server', message: 'Cochez la case.' },
    };
    expect(flattenErrors(errors)).toEqual([
      { path: 'identity.lastName', message: 'Ce champ est obligatoire.' },
      { path: 'beneficiaries.1.birthDate', message: 'Date invalide.' },
      { path: 'bank.iban', message: 'IBAN invalide.' },
      { path: 'consent', message: 'Cochez la case.' },
    ]);
  });

  it('orders beneficiaries and documents between the sections they sit in', () => {
    expect(pageOrder('beneficiaries.0.lastName')).toBeLessThan(pageOrder('bank.holder'));
    expect(pageOrder('documents.rib')).toBeGreaterThan(pageOrder('bank.bic'));
    expect(pageOrder('documents.rib')).toBeLessThan(pageOrder('consent'));
  });
});
