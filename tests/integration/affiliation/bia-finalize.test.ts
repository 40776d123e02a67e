import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '../../../functions/adapters/dynamodb/table-keys';
import { keyedDigest } from '../../../functions/adapters/system/keyed-digest';
import { formatNir } from '../../../functions/domain/nir';
import { documentClient } from '../../../functions/runtime/clients';
import { config, resetConfigCache } from '../../../functions/runtime/config';
import {
  completeDraft,
  emailsTo,
  employeeWith,
  freshEmployer,
  PDF,
  preAffiliate,
  todayIso,
  uploadBiaFile,
  type AffiliationSummary,
  type Employer,
} from '../../support/affiliation';
import { readyToFinalize } from '../../support/bia';
import { storedItem } from '../../support/table';
import type { ErrorAnswer } from '../../support/error-shape';

interface Finalized {
  requestId: string;
  status: string;
  finalizedAt: string;
}
interface Employee {
  employeeId: string;
  lastName: string;
  firstName: string;
  statut: string;
  contractNumber: string;
  product: string;
  noemie: boolean;
  effectiveDate: string;
  endDate: string | null;
  beneficiaries: { kind: string; firstName: string; birthDate: string; noemie: boolean }[];
}

describe('finalizing the BIA: the employee becomes an insured person', () => {
  let employer: Employer;
  /** The address of the administrator who pré-affiliates (and is told of the finalization). */
  let employerEmail: string;

  beforeAll(async () => {
    Object.assign(process.env, inject('stackEnv'));
    resetConfigCache();
    employer = await freshEmployer();
    employerEmail = (await employer.call<{ email: string }>('GET', '/me')).body.email;
  });

  const employeesNamed = async (lastName: string) =>
    (
      await employer.call<{ items: Employee[] }>(
        'GET',
        `${employer.base}/employees?q=${encodeURIComponent(lastName)}`,
      )
    ).body.items;

  const trackingOf = async (requestId: string) =>
    (
      await employer.call<{ items: AffiliationSummary[] }>('GET', `${employer.base}/affiliation-requests`)
    ).body.items.find((item) => item.requestId === requestId);

  it('refuses an incomplete BIA with a 422 naming each field to complete, and changes nothing', async () => {
    const request = await preAffiliate(employer);
    const employee = employeeWith(request.token!);
    const page = await employee<{ version: number }>('GET', '/bia');
    const refused = await employee<ErrorAnswer>('POST', '/bia/finalization', {
      draft: { situation: 'marie', bank: { iban: 'FR7630006000011234567890189' } },
      version: page.body.version,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('BIA_INCOMPLETE');
    expect(refused.body.message).toBe(
      'Votre bulletin est incomplet : complétez les champs signalés avant de le finaliser.',
    );
    expect(Object.keys(refused.body.fields!).sort()).toEqual(
      [
        'draft.noemie',
        'draft.bank.holder',
        'draft.documents.rib',
        'draft.documents.attestation',
        'draft.consent',
        'draft.swornStatement',
      ].sort(),
    );
    expect(refused.body.fields!['draft.documents.rib']).toMatch(/^Joignez votre RIB/);
    expect((await trackingOf(request.requestId))?.status).toBe('sent');
  });

  it('refuses two conjoints, a child with no NIR at all and a child born in the future', async () => {
    const request = await preAffiliate(employer);
    const employee = employeeWith(request.token!);
    const { draft, version } = await readyToFinalize(employee);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const conjoint = {
      kind: 'conjoint',
      lastName: 'Moreau',
      firstName: 'Julien',
      birthDate: '1989-07-21',
      noemie: true,
    };
    const refused = await employee<ErrorAnswer>('POST', '/bia/finalization', {
      draft: {
        ...draft,
        beneficiaries: [
          conjoint,
          { ...conjoint, firstName: 'Paul' },
          { kind: 'enfant', lastName: 'Moreau', firstName: 'Léa', birthDate: '2018-01-01', noemie: false },
          {
            kind: 'enfant',
            lastName: 'Moreau',
            firstName: 'Tom',
            birthDate: tomorrow,
            nir: request.nir,
            noemie: false,
          },
        ],
      },
      version,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.fields).toEqual({
      'draft.beneficiaries.1.kind': 'Un seul conjoint peut être déclaré.',
      'draft.beneficiaries.2.nir':
        'Indiquez le numéro de sécurité sociale de l’enfant, ou celui du parent auquel il est rattaché.',
      'draft.beneficiaries.3.birthDate': 'La date de naissance ne peut pas être dans le futur.',
    });
  });

  it('refuses a document that is not what it claims at finalization too', async () => {
    const request = await preAffiliate(employer);
    const employee = employeeWith(request.token!);
    const { draft, version } = await readyToFinalize(employee);
    const fake = await uploadBiaFile(
      employee,
      'rib',
      'rib.pdf',
      'application/pdf',
      Buffer.from('pas un PDF'),
    );
    const refused = await employee<ErrorAnswer>('POST', '/bia/finalization', {
      draft: { ...draft, documents: { ...draft.documents, rib: [fake] } },
      version,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.fields).toEqual({
      'draft.documents.rib.0': 'Le RIB (« rib.pdf ») n’est pas un PDF, JPEG ou PNG valide : il a été refusé.',
    });
    expect((await trackingOf(request.requestId))?.status).toBe('sent');
  });

  it('creates the insured on the statut’s health contract with beneficiaries and Noémie, and tells the employer', async () => {
    const request = await preAffiliate(employer, { statut: 'cadre', lastName: 'Fontaine' });
    const employee = employeeWith(request.token!);
    const { draft, version } = await readyToFinalize(employee);
    const finalized = await employee<Finalized>('POST', '/bia/finalization', { draft, version });
    expect(finalized.status, JSON.stringify(finalized.body)).toBe(200);
    expect(finalized.body).toMatchObject({ requestId: request.requestId, status: 'finalized' });

    // Mes salariés.
    const [insured, ...others] = await employeesNamed('Fontaine');
    expect(others).toEqual([]);
    expect(insured).toMatchObject({
      firstName: 'Camille',
      statut: 'cadre',
      product: 'Socle conventionnel',
      noemie: true,
      effectiveDate: todayIso(),
      endDate: null,
      beneficiaries: [
        { kind: 'conjoint', firstName: 'Julien', birthDate: '1989-07-21', noemie: true },
        { kind: 'enfant', firstName: 'Léo', birthDate: '2019-05-02', noemie: true },
      ],
    });

    // Mes contrats: the health contract of the cadres, the socle (not an option, not prévoyance).
    const contracts = await employer.call<{
      items: { contractNumber: string; statut: string; risque: string; product: string }[];
    }>('GET', `${employer.base}/contracts`);
    const socle = contracts.body.items.find(
      (contract) =>
        contract.statut === 'cadre' &&
        contract.risque === 'sante' &&
        contract.product === 'Socle conventionnel',
    )!;
    expect(insured!.contractNumber).toBe(socle.contractNumber);
    const detail = await employer.call<{ insured: Employee[] }>(
      'GET',
      `${employer.base}/contracts/${socle.contractNumber}?limit=100`,
    );
    expect(detail.body.insured.map((item) => item.employeeId)).toContain(insured!.employeeId);

    // Suivi des demandes: finalized, linked to the insured, out of the reminders' schedule.
    expect(await trackingOf(request.requestId)).toMatchObject({
      status: 'finalized',
      employeeId: insured!.employeeId,
      nextDueAt: null,
    });

    // The employer who pré-affiliated is told, without the NIR; the employee gets a confirmation.
    const toEmployer = (await emailsTo(employerEmail)).find((mail) =>
      mail.subject.startsWith('Affiliation finalisée'),
    );
    expect(toEmployer?.subject).toBe('Affiliation finalisée — Camille Fontaine');
    expect(toEmployer?.text).toContain('a finalisé en ligne son bulletin individuel d’affiliation');
    for (const form of [request.nir, formatNir(request.nir)]) {
      expect(toEmployer?.text).not.toContain(form);
      expect(toEmployer?.html).not.toContain(form);
    }
    const toEmployee = (await emailsTo(request.email)).find((mail) =>
      mail.subject.includes('est enregistrée'),
    );
    expect(toEmployee?.text).toContain(`à compter du ${todayIso().split('-').reverse().join('/')}`);

    // The affiliation certificate of the new insured is available like any other.
    const certificate = await employer.call<{ url: string }>(
      'POST',
      `${employer.base}/employees/${insured!.employeeId}/affiliation-certificate`,
    );
    expect(certificate.status).toBe(200);
  });

  it('writes the insured with the same attributes and index keys as the back-office import', async () => {
    const request = await preAffiliate(employer, { lastName: 'Girard' });
    const employee = employeeWith(request.token!);
    const { draft, version } = await readyToFinalize(employee);
    expect((await employee('POST', '/bia/finalization', { draft, version })).status).toBe(200);
    const [fromBia] = await employeesNamed('Girard');
    const imported = (
      await employer.call<{ items: Employee[] }>('GET', `${employer.base}/employees`)
    ).body.items.find((item) => item.lastName !== 'Girard' && item.endDate === null)!;
    const [biaItem, importedItem] = await Promise.all([
      storedItem(keys.insured(employer.companyId, fromBia!.employeeId)),
      storedItem(keys.insured(employer.companyId, imported.employeeId)),
    ]);
    const shared = [
      ...['GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'GSI4PK', 'GSI4SK', '_type', '_v'],
      ...[
        'companyId',
        'insuredId',
        'contractNumber',
        'product',
        'statut',
        'siret',
        'establishmentName',
        'nir',
      ],
      ...[
        'civilite',
        'lastName',
        'firstName',
        'birthDate',
        'address',
        'noemie',
        'effectiveDate',
        'beneficiaries',
      ],
      ...['createdAt', 'updatedAt', 'updatedBy', 'version'],
    ];
    for (const item of [biaItem!, importedItem!])
      expect(Object.keys(item)).toEqual(expect.arrayContaining(shared));
    expect(Object.keys(biaItem!.address as object).sort()).toEqual(
      Object.keys(importedItem!.address as object).sort(),
    );
    expect(biaItem!.GSI4PK).toBe(importedItem!.GSI4PK);
    // The NIR lookup the import (and the NIR search) use.
    const lookup = await storedItem(
      keys.insuredByNir(employer.companyId, keyedDigest('nir', request.nir), fromBia!.contractNumber),
    );
    expect(lookup?.insuredId).toBe(fromBia!.employeeId);
  });

  it('answers a second click with the first answer and creates one insured, even when both race', async () => {
    const request = await preAffiliate(employer, { lastName: 'Perrin' });
    const employee = employeeWith(request.token!);
    const ready = await readyToFinalize(employee);
    const [first, second] = await Promise.all([
      employee<Finalized>('POST', '/bia/finalization', ready),
      employee<Finalized>('POST', '/bia/finalization', ready),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body.finalizedAt).toBe(first.body.finalizedAt);
    const third = await employee<Finalized>('POST', '/bia/finalization', ready);
    expect(third.status).toBe(200);
    expect(third.body).toEqual(first.body);
    expect(await employeesNamed('Perrin')).toHaveLength(1);
    const mails = (await emailsTo(employerEmail)).filter(
      (mail) => mail.subject === 'Affiliation finalisée — Camille Perrin',
    );
    expect(mails).toHaveLength(1);
  });

  it('keeps the link read-only for a few minutes after finalization, then opens nothing', async () => {
    const request = await preAffiliate(employer);
    const employee = employeeWith(request.token!);
    const ready = await readyToFinalize(employee);
    expect((await employee('POST', '/bia/finalization', ready)).status).toBe(200);

    const page = await employee<{ status: string; version: number; expiresAt: string }>('GET', '/bia');
    expect(page.status).toBe(200);
    expect(page.body.status).toBe('finalized');
    expect(Date.parse(page.body.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    const save = await employee<ErrorAnswer>('PUT', '/bia/draft', {
      draft: ready.draft,
      version: page.body.version,
    });
    expect(save.status).toBe(422);
    expect(save.body.code).toBe('AFFILIATION_ALREADY_FINALIZED');
    const upload = await employee<ErrorAnswer>('POST', '/bia/uploads', {
      kind: 'other',
      fileName: 'autre.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
    });
    expect(upload.status).toBe(422);

    // Fifteen minutes later (the link's expiry moved to the past).
    await documentClient().send(
      new UpdateCommand({
        TableName: config().TABLE_NAME,
        Key: keys.linkToken(keyedDigest('link', request.token!)),
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 1 },
      }),
    );
    const later = await employee<ErrorAnswer>('GET', '/bia');
    expect(later.status).toBe(401);
    expect(later.body.code).toBe('BIA_LINK_INVALID');
  });

  it('refuses a finalization from a stale page with 409', async () => {
    const request = await preAffiliate(employer);
    const employee = employeeWith(request.token!);
    const ready = await readyToFinalize(employee);
    const saved = await employee('PUT', '/bia/draft', {
      draft: { ...completeDraft(), documents: {} },
      version: ready.version,
    });
    expect(saved.status).toBe(200);
    const stale = await employee<ErrorAnswer>('POST', '/bia/finalization', ready);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
  });
});
