/**
 * The three ways an employer closes an affiliation anomaly. Each one writes its effect (an
 * affiliation created, corrected or radiated; a dispense linked), the anomaly's resolution,
 * the open-anomalies counter and the journal in ONE transaction, applied only if the anomaly
 * is still open at the version the user saw: two clicks, or two users, resolve it once.
 *
 * "Forcer l'affiliation" by type (the SPA's dialog says the same before confirming):
 * - not_affiliated: the affiliation is created at once on the scheme's health contract of
 *   the declared statut (the one the DSN names if it qualifies, else the socle), in the
 *   declared establishment, from the declared contract start; beneficiaries come later
 *   through a BIA;
 * - identity_mismatch: the affiliation takes the DSN's identity where it differs (name,
 *   first name, birth date, NIR — its lookup item moves with it);
 * - statut_mismatch: the affiliation moves to the health contract of the declared statut;
 * - establishment_mismatch: the affiliation moves to the declared establishment.
 * Its date d'effet never changes in a correction.
 */
import { DomainError, conflict, notFound, unprocessable } from '../../domain/errors';
import { normaliseNir } from '../../domain/nir';
import { correctedIdentity, schemeContractFor } from '../../domain/dsn/corrections';
import type { RadiationReason } from '../../domain/radiation';
import type { DsnFacts } from '../../domain/dsn/anomalies';
import type { AnomalyResolution, AnomalySummary } from '../../contracts/anomalies';
import {
  anomalyResolution,
  dispenseStillValidated,
  shiftOpenAnomalies,
  type AnomalyItem,
} from '../../adapters/dynamodb/anomalies-repository';
import { newInsuredItems, type NewInsured } from '../../adapters/dynamodb/bia-repository';
import type { InsuredItem } from '../../adapters/dynamodb/employees-repository';
import { keys } from '../../adapters/dynamodb/table-keys';
import { transact, type TransactItem } from '../../adapters/dynamodb/transact';
import { del, put, update } from '../../adapters/dynamodb/users-repository';
import { auditPut, displayName } from '../users/audit';
import { employeeOf, radiationWrites } from '../employees/employees';
import { cancellationCodes, pause } from '../affiliation/journey';
import type { Actor } from '../affiliation/ports';
import { toAnomalySummary, type AnomalyPorts } from './anomalies';

interface AnomalyAction {
  companyId: string;
  anomalyId: string;
  version: number;
  actor: Actor;
}

/** The anomaly the user acted on: still there, still open, unchanged since they saw it. */
async function openAnomaly(ports: AnomalyPorts, input: AnomalyAction): Promise<AnomalyItem> {
  const anomaly = await ports.anomalies.get(input.companyId, input.anomalyId);
  if (!anomaly) throw notFound('ANOMALY_NOT_FOUND');
  if (anomaly.state === 'resolved') throw unprocessable('ANOMALY_ALREADY_RESOLVED');
  if (anomaly.version !== input.version) throw new DomainError('VERSION_CONFLICT');
  return anomaly;
}

/** Why the effect's own items were refused (their index in the transaction → the reason). */
type Explain = (failed: ReadonlySet<number>) => DomainError;

interface Closing {
  how: AnomalyResolution;
  /** The effect: written first in the transaction (Explain's indexes are theirs). */
  effect: TransactItem[];
  explain: Explain;
  set?: Partial<Pick<AnomalyItem, 'employeeId' | 'contractNumber' | 'affiliationDate'>>;
  dispenseId?: string;
  audit: { action: string; changes: Record<string, unknown> };
}

/**
 * One transaction: the effect, the anomaly resolved (if still open at the version read), the
 * counter −1 and the journal. Refused: the anomaly as it is now says why (resolved by the
 * other click → 422; changed → 409), else the effect's own condition.
 */
async function close(ports: AnomalyPorts, input: AnomalyAction, anomaly: AnomalyItem, closing: Closing) {
  const nowIso = ports.clock.nowIso();
  const resolution = {
    how: closing.how,
    at: nowIso,
    by: displayName(input.actor).trim(),
    byUserId: input.actor.userId,
    dispenseId: closing.dispenseId ?? null,
  };
  const items = [
    ...closing.effect,
    anomalyResolution(anomaly, resolution, nowIso, closing.set),
    shiftOpenAnomalies(input.companyId, -1),
    auditPut(ports, {
      companyId: input.companyId,
      actorId: input.actor.userId,
      actorName: displayName(input.actor).trim(),
      action: closing.audit.action,
      targetId: anomaly.anomalyId,
      targetName: `${anomaly.firstName} ${anomaly.lastName}`,
      changes: { type: anomaly.type, dsnMonth: anomaly.dsnMonth, ...closing.audit.changes },
    }),
  ];
  try {
    await transact(items);
  } catch (error) {
    const codes = cancellationCodes(error);
    if (!codes) throw error;
    throw await refusal(ports, anomaly, codes, closing);
  }
  return toAnomalySummary({
    ...anomaly,
    ...closing.set,
    state: 'resolved',
    resolution,
    version: anomaly.version + 1,
  });
}

async function refusal(
  ports: AnomalyPorts,
  read: AnomalyItem,
  codes: (string | undefined)[],
  closing: Closing,
): Promise<DomainError> {
  // A collision with the other click's transaction: give it a moment to land, then look.
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = await ports.anomalies.get(read.companyId, read.anomalyId);
    if (now?.state === 'resolved') return unprocessable('ANOMALY_ALREADY_RESOLVED');
    if (now && now.version !== read.version) return new DomainError('VERSION_CONFLICT');
    if (!codes.includes('TransactionConflict')) break;
    await pause(50 * 2 ** attempt);
  }
  const failed = new Set(
    codes.flatMap((code, index) =>
      code === 'ConditionalCheckFailed' && index < closing.effect.length ? [index] : [],
    ),
  );
  return failed.size > 0 ? closing.explain(failed) : new DomainError('VERSION_CONFLICT');
}

const notApplicable = (hint: string) => unprocessable('ANOMALY_ACTION_NOT_APPLICABLE', { anomaly: hint });

// ---------------------------------------------------------------------------------------
// Forcer l'affiliation

/** The insured item's index keys, from what it is after the change (name, contract, establishment, state). */
function insuredIndexKeys(item: InsuredItem) {
  const { companyId, insuredId, lastName, firstName } = item;
  return {
    ...keys.insuredByName(companyId, lastName, firstName, insuredId),
    ...keys.insuredByContract(companyId, item.contractNumber, lastName, firstName, insuredId),
    ...keys.insuredByEstablishment(companyId, item.siret, lastName, firstName, insuredId),
    ...keys.insuredByState(companyId, item.endDate ? 'radiated' : 'active', lastName, firstName, insuredId),
  };
}

const CORRECTABLE = [
  'lastName',
  'birthName',
  'firstName',
  'birthDate',
  'nir',
  'contractNumber',
  'statut',
  'product',
  'siret',
  'establishmentName',
] as const;

/**
 * The writes that turn `before` into `after`: the insured item (fields, index keys, version,
 * only if unchanged since read) and, when its NIR or contract changes, its (NIR, contract)
 * lookup moved — put only if free, or taken over from a radiated affiliation that held it.
 */
async function correctionItems(
  ports: AnomalyPorts,
  before: InsuredItem,
  after: InsuredItem,
  nowIso: string,
): Promise<{ items: TransactItem[]; lookupIndex: number | null }> {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = {
    ':expected': before.version ?? 1,
    ':first': 1,
    ':next': (before.version ?? 1) + 1,
    ':now': nowIso,
    ':by': 'dsn-anomaly',
  };
  const sets = ['#version = :next', 'updatedAt = :now', 'updatedBy = :by'];
  const removes: string[] = [];
  const fields: Record<string, unknown> = { ...insuredIndexKeys(after) };
  for (const field of CORRECTABLE) fields[field] = after[field] ?? undefined;
  Object.entries(fields).forEach(([field, value], index) => {
    names[`#f${index}`] = field;
    if (value === undefined || value === null) {
      removes.push(`#f${index}`);
    } else {
      values[`:f${index}`] = value;
      sets.push(`#f${index} = :f${index}`);
    }
  });
  const items: TransactItem[] = [
    update(
      keys.insured(before.companyId, before.insuredId),
      `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      values,
      '(attribute_not_exists(#version) AND :expected = :first) OR #version = :expected',
      names,
    ),
  ];
  const oldDigest = ports.nirDigest(normaliseNir(before.nir));
  const newDigest = ports.nirDigest(normaliseNir(after.nir));
  if (oldDigest === newDigest && before.contractNumber === after.contractNumber) {
    return { items, lookupIndex: null };
  }
  const holders = await ports.employees.insuredByNirDigest(before.companyId, newDigest);
  const holder = holders.find(
    (other) => other.insuredId !== before.insuredId && other.contractNumber === after.contractNumber,
  );
  if (holder && !holder.endDate) throw conflict('EMPLOYEE_ALREADY_AFFILIATED');
  items.push(
    del(keys.insuredByNir(before.companyId, oldDigest, before.contractNumber), 'insuredId = :insuredId', {
      ':insuredId': before.insuredId,
    }),
    put(
      {
        ...keys.insuredByNir(before.companyId, newDigest, after.contractNumber),
        _type: 'InsuredNir',
        _v: 1,
        companyId: before.companyId,
        insuredId: before.insuredId,
      },
      holder ? 'insuredId = :previous' : 'attribute_not_exists(PK)',
      holder ? { ':previous': holder.insuredId } : undefined,
    ),
  );
  return { items, lookupIndex: items.length - 1 };
}

/** What changed, for the journal: names and dates as they were and are, never a NIR. */
function changesOf(before: InsuredItem, after: InsuredItem): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of CORRECTABLE) {
    const was = before[field] ?? null;
    const is = after[field] ?? null;
    if (was === is) continue;
    changes[field] = field === 'nir' ? 'modifié' : { before: was, after: is };
  }
  return changes;
}

/** The company's scheme contract for the statut the DSN declares, open at `date`; none: a refusal. */
async function declaredContract(ports: AnomalyPorts, companyId: string, facts: DsnFacts, date: string) {
  const contract = schemeContractFor(
    await ports.employees.contracts(companyId),
    facts.statut,
    date,
    facts.contractReferences,
  );
  if (!contract) throw unprocessable('NO_MATCHING_CONTRACT');
  return contract;
}

async function createAffiliation(ports: AnomalyPorts, input: AnomalyAction, anomaly: AnomalyItem) {
  const facts = anomaly.dsn;
  if (!anomaly.nir) throw unprocessable('ANOMALY_NIR_MISSING');
  const contract = await declaredContract(ports, input.companyId, facts, facts.contractStartDate);
  const nir = normaliseNir(anomaly.nir);
  const nirDigest = ports.nirDigest(nir);
  const affiliations = await ports.employees.insuredByNirDigest(input.companyId, nirDigest);
  // A person radiated from this contract and hired again gets a new affiliation; an active one, none.
  const earlier = affiliations.find((insured) => insured.contractNumber === contract.contractNumber);
  if (earlier && !earlier.endDate) throw conflict('EMPLOYEE_ALREADY_AFFILIATED');
  const insured: NewInsured = {
    companyId: input.companyId,
    insuredId: ports.ids.next(),
    contractNumber: contract.contractNumber,
    product: contract.product,
    statut: facts.statut,
    siret: facts.siret,
    establishmentName: anomaly.establishmentName ?? '',
    nir,
    nirDigest,
    civilite: facts.civilite,
    lastName: facts.usageName ?? facts.lastName,
    birthName: facts.usageName ? facts.lastName : undefined,
    firstName: facts.firstNames.trim().split(/\s+/)[0] ?? facts.firstNames,
    birthDate: facts.birthDate,
    // Télétransmission and beneficiaries are the employee's to state, in a BIA.
    noemie: false,
    effectiveDate: facts.contractStartDate,
    beneficiaries: [],
    previousInsuredId: earlier?.insuredId,
  };
  return close(ports, input, anomaly, {
    how: 'forced_affiliation',
    effect: newInsuredItems(insured, ports.clock.nowIso(), 'dsn-anomaly'),
    // The (NIR, contract) lookup was taken meanwhile (a BIA, the back office's feed).
    explain: () => conflict('EMPLOYEE_ALREADY_AFFILIATED'),
    set: {
      employeeId: insured.insuredId,
      contractNumber: insured.contractNumber,
      affiliationDate: insured.effectiveDate,
    },
    audit: {
      action: 'anomaly.forced-affiliation',
      changes: {
        employeeId: insured.insuredId,
        contractNumber: insured.contractNumber,
        siret: insured.siret,
        effectiveDate: insured.effectiveDate,
      },
    },
  });
}

async function correctAffiliation(ports: AnomalyPorts, input: AnomalyAction, anomaly: AnomalyItem) {
  if (!anomaly.employeeId) throw notApplicable('Cette anomalie ne concerne aucune affiliation existante.');
  const before = await employeeOf(ports, input.companyId, anomaly.employeeId);
  const facts = anomaly.dsn;
  let after: InsuredItem = { ...before };
  if (anomaly.type === 'identity_mismatch') {
    const identity = correctedIdentity(before, facts);
    after = { ...after, ...identity, birthName: identity.birthName ?? undefined };
  } else if (anomaly.type === 'statut_mismatch') {
    const contract = await declaredContract(ports, input.companyId, facts, before.effectiveDate);
    after = {
      ...after,
      statut: facts.statut,
      contractNumber: contract.contractNumber,
      product: contract.product,
    };
  } else {
    after = {
      ...after,
      siret: facts.siret,
      establishmentName: anomaly.establishmentName ?? before.establishmentName,
    };
  }
  const nowIso = ports.clock.nowIso();
  const { items, lookupIndex } = await correctionItems(ports, before, after, nowIso);
  return close(ports, input, anomaly, {
    how: 'forced_affiliation',
    effect: items,
    explain: (failed) =>
      lookupIndex !== null && failed.has(lookupIndex)
        ? conflict('EMPLOYEE_ALREADY_AFFILIATED')
        : new DomainError('VERSION_CONFLICT'),
    set: { contractNumber: after.contractNumber },
    audit: {
      action: 'anomaly.forced-affiliation',
      changes: { employeeId: before.insuredId, ...changesOf(before, after) },
    },
  });
}

export const forceAffiliation =
  (ports: AnomalyPorts) =>
  async (input: AnomalyAction): Promise<AnomalySummary> => {
    const anomaly = await openAnomaly(ports, input);
    switch (anomaly.type) {
      case 'not_affiliated':
        return createAffiliation(ports, input, anomaly);
      case 'identity_mismatch':
      case 'statut_mismatch':
      case 'establishment_mismatch':
        return correctAffiliation(ports, input, anomaly);
      case 'ended_still_affiliated':
        throw notApplicable('Ce contrat de travail est terminé : utilisez « Forcer la radiation ».');
    }
  };

// ---------------------------------------------------------------------------------------
// Forcer la radiation

/**
 * The radiation of Mes salariés (same rule, portabilité, e-mail and journal), with the end
 * date and reason the DSN declared unless the user corrected them. An affiliation radiated
 * meanwhile by other means is left as it is: the anomaly is simply closed.
 */
export const forceRadiation =
  (ports: AnomalyPorts) =>
  async (input: AnomalyAction & { endDate?: string; reason?: RadiationReason }): Promise<AnomalySummary> => {
    const anomaly = await openAnomaly(ports, input);
    if (anomaly.type !== 'ended_still_affiliated' || !anomaly.employeeId) {
      throw notApplicable('Seul un contrat terminé en DSN mais toujours affilié se radie ici.');
    }
    const endDate = input.endDate ?? anomaly.dsn.endDate;
    const reason = input.reason ?? anomaly.dsn.radiationReason;
    if (!endDate || !reason) {
      throw unprocessable('RADIATION_DETAILS_MISSING', {
        ...(endDate ? {} : { endDate: 'Indiquez la date de fin de la couverture.' }),
        ...(reason ? {} : { reason: 'Choisissez un motif de radiation.' }),
      });
    }
    const insured = await employeeOf(ports, input.companyId, anomaly.employeeId);
    const radiation = insured.endDate
      ? null
      : await radiationWrites(ports, insured, {
          companyId: input.companyId,
          actorId: input.actor.userId,
          endDate,
          reason,
        });
    return close(ports, input, anomaly, {
      how: 'forced_radiation',
      effect: radiation?.items ?? [],
      // The insured changed (or was radiated) since it was read.
      explain: () => new DomainError('VERSION_CONFLICT'),
      audit: {
        action: 'anomaly.forced-radiation',
        changes: radiation
          ? { employeeId: insured.insuredId, endDate, reason }
          : { employeeId: insured.insuredId, alreadyRadiatedOn: insured.endDate },
      },
    });
  };

// ---------------------------------------------------------------------------------------
// Dispensé

/**
 * Links a validated dispense of the same person (same NIR, compared by digest) to an
 * employee declared but not affiliated; the dispense must still be validated when written.
 */
export const resolveAnomalyAsDispensed =
  (ports: AnomalyPorts) =>
  async (input: AnomalyAction & { dispenseId: string }): Promise<AnomalySummary> => {
    const anomaly = await openAnomaly(ports, input);
    if (anomaly.type !== 'not_affiliated') {
      throw notApplicable('Une dispense ne se rattache qu’à un salarié déclaré mais non affilié.');
    }
    const dispense = await ports.anomalies.dispense(input.companyId, input.dispenseId);
    const field = (reason: string) => ({ dispenseId: reason });
    if (!dispense)
      throw new DomainError(
        'NOT_FOUND',
        'ANOMALY_DISPENSE_NOT_FOUND',
        field('Cette dispense est introuvable dans votre entreprise.'),
      );
    if (dispense.state !== 'validated') {
      throw unprocessable('ANOMALY_DISPENSE_NOT_VALIDATED', field('Cette dispense n’est pas validée.'));
    }
    if (!anomaly.nir || dispense.nirDigest !== ports.nirDigest(normaliseNir(anomaly.nir))) {
      throw unprocessable(
        'ANOMALY_DISPENSE_OTHER_EMPLOYEE',
        field('Cette dispense est celle d’un autre salarié (numéro de sécurité sociale différent).'),
      );
    }
    return close(ports, input, anomaly, {
      how: 'dispensed',
      effect: [dispenseStillValidated(input.companyId, input.dispenseId)],
      explain: () =>
        unprocessable('ANOMALY_DISPENSE_NOT_VALIDATED', field('Cette dispense n’est plus validée.')),
      dispenseId: input.dispenseId,
      audit: { action: 'anomaly.dispensed', changes: { dispenseId: input.dispenseId } },
    });
  };
