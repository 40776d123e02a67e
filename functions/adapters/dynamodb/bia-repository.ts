import { keys } from './table-keys';
import { batchGet, type TransactItem } from './transact';
import { put, update } from './users-repository';
import type { BiaDocumentKind } from '../../contracts/affiliation';
import type { UploadContentType } from '../../domain/uploads';

/** A file the employee was allowed to send for their BIA (key `upload`, purpose 'bia'). */
export interface BiaUploadItem {
  uploadId: string;
  purpose: 'bia';
  companyId: string;
  requestId: string;
  journey: number;
  kind: BiaDocumentKind;
  fileName: string;
  contentType: UploadContentType;
  declaredSize: number;
  /** Object key in the uploads bucket. */
  key: string;
  /** 'checked' once the server measured it and read its first bytes (then `size` is the real size). */
  status: 'pending' | 'checked';
  size?: number;
  createdAt: string;
  /** Epoch seconds (TTL): the record is useless once the journey's link has expired. */
  expiresAt: number;
}

/**
 * Where a BIA file lives in the uploads bucket. Not under `pending/`, whose objects the bucket
 * forgets after a day: a draft may wait up to the journey's deadline (30 days) to be finalized.
 */
export const biaUploadKey = (companyId: string, requestId: string, uploadId: string) =>
  `bia/${companyId}/${requestId}/${uploadId}`;

/** Upload slots granted per journey: enough for every document twice over, not a free file store. */
export const BIA_UPLOAD_GRANTS_PER_JOURNEY = 20;

export const biaRepository = () => ({
  uploads: (uploadIds: readonly string[]) => batchGet<BiaUploadItem>(uploadIds.map((id) => keys.upload(id))),
});

export type BiaRepository = ReturnType<typeof biaRepository>;

/**
 * The upload record and the journey's grant counter, in one transaction: the counter (a
 * rate counter whose window is the journey) refuses the 21st slot by its condition.
 */
export function biaUploadGrantItems(item: BiaUploadItem): TransactItem[] {
  return [
    put({ ...keys.upload(item.uploadId), _type: 'Upload', _v: 1, ...item }, 'attribute_not_exists(PK)'),
    update(
      keys.rateCounter('bia-upload', item.requestId, `journey-${item.journey}`),
      'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :expires), #type = :type',
      {
        ':one': 1,
        ':max': BIA_UPLOAD_GRANTS_PER_JOURNEY,
        ':expires': item.expiresAt,
        ':type': 'RateCounter',
      },
      'attribute_not_exists(hits) OR hits < :max',
      { '#type': '_type' },
    ),
  ];
}

/** Records the real size of a checked file (only while it still belongs to this request and journey). */
export function biaUploadChecked(upload: BiaUploadItem, size: number): TransactItem {
  return update(
    keys.upload(upload.uploadId),
    'SET #status = :checked, #size = :size',
    { ':checked': 'checked', ':size': size, ':requestId': upload.requestId, ':journey': upload.journey },
    'requestId = :requestId AND journey = :journey',
    { '#status': 'status', '#size': 'size' },
  );
}

export interface NewInsured {
  companyId: string;
  insuredId: string;
  contractNumber: string;
  product: string;
  statut: 'cadre' | 'non_cadre';
  siret: string;
  establishmentName: string;
  nir: string;
  nirDigest: string;
  civilite: 'M' | 'MME';
  lastName: string;
  birthName?: string;
  firstName: string;
  birthDate: string;
  email?: string;
  /** Absent for an affiliation forced from a DSN (it declares no address). */
  address?: { line: string; postalCode: string; city: string };
  noemie: boolean;
  effectiveDate: string;
  beneficiaries: {
    kind: 'conjoint' | 'enfant';
    civilite?: 'M' | 'MME';
    lastName: string;
    firstName: string;
    birthDate: string;
    nir?: string;
    attachedToNir?: string;
    noemie: boolean;
  }[];
  /** What the BIA adds to what the back office's feed holds (absent when forced from a DSN). */
  bia?: {
    requestId: string;
    source: 'online' | 'paper';
    familySituation?: string;
    bank: { holder?: string; iban?: string; bic?: string };
    documents: { kind: BiaDocumentKind; fileName: string; size: number; key: string }[];
  };
  /** A radiated earlier affiliation of the same person to the same contract (a re-hire). */
  previousInsuredId?: string;
}

/**
 * The insured item of a finalized BIA — the same attributes and index keys as the back-office
 * import writes (back-office-repository `upsertInsured`), so lists, the contract detail, the
 * certificate and a later import treat it alike — and the (company, NIR, contract) lookup,
 * put only if no affiliation holds it, or taken over from the radiated one it replaces.
 */
export function newInsuredItems(insured: NewInsured, nowIso: string, updatedBy: string): TransactItem[] {
  const { companyId, insuredId, contractNumber, lastName, firstName } = insured;
  return [
    put(
      {
        ...keys.insuredByNir(companyId, insured.nirDigest, contractNumber),
        _type: 'InsuredNir',
        _v: 1,
        companyId,
        insuredId,
      },
      insured.previousInsuredId ? 'insuredId = :previous' : 'attribute_not_exists(PK)',
      insured.previousInsuredId ? { ':previous': insured.previousInsuredId } : undefined,
    ),
    put(
      {
        ...keys.insured(companyId, insuredId),
        _type: 'Insured',
        _v: 1,
        updatedAt: nowIso,
        updatedBy,
        ...keys.insuredByName(companyId, lastName, firstName, insuredId),
        ...keys.insuredByContract(companyId, contractNumber, lastName, firstName, insuredId),
        ...keys.insuredByEstablishment(companyId, insured.siret, lastName, firstName, insuredId),
        ...keys.insuredByState(companyId, 'active', lastName, firstName, insuredId),
        establishmentName: insured.establishmentName,
        product: insured.product,
        companyId,
        insuredId,
        contractNumber,
        statut: insured.statut,
        siret: insured.siret,
        nir: insured.nir,
        civilite: insured.civilite,
        lastName,
        birthName: insured.birthName,
        firstName,
        birthDate: insured.birthDate,
        email: insured.email,
        address: insured.address,
        noemie: insured.noemie,
        effectiveDate: insured.effectiveDate,
        createdAt: nowIso,
        version: 1,
        beneficiaries: insured.beneficiaries,
        bia: insured.bia,
        previousInsuredId: insured.previousInsuredId,
      },
      'attribute_not_exists(PK)',
    ),
  ];
}
