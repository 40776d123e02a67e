import type {
  BackOfficeRecordKind,
  BeneficiaryRow,
  CompanyRow,
  ContractRow,
  EstablishmentRow,
  InsuredRow,
} from '../../contracts/back-office-import';
import type { BackOfficeRepository } from '../../adapters/dynamodb/back-office-repository';
import type { Clock } from '../../ports/clock';
import type { Ids } from '../../ports/ids';
import { parseBackOfficeCsv, rejectDuplicates, type RejectedLine } from './parse-back-office-csv';

export interface ImportPorts {
  repository: BackOfficeRepository;
  clock: Clock;
  ids: Ids;
  /** Stable digest of a NIR, so lookups never store it in a key. */
  nirDigest: (nir: string) => string;
}

export interface ImportReport {
  /** Null when the file name says no known kind. */
  kind: BackOfficeRecordKind | null;
  status: 'imported' | 'rejected';
  /** Data lines in the file (header excluded). */
  lines: number;
  /** Lines whose content was new or different, hence written (0 on a re-import). */
  written: number;
  created: number;
  rejected: RejectedLine[];
  startedAt: string;
  finishedAt: string;
}

type Outcome = { rejected: RejectedLine[]; write?: () => Promise<{ written: number; created: number }> };

/**
 * Imports one back-office file. Every line is validated first — format, then references to
 * what must already exist (company, establishment, contract, insured) — and the file is
 * written only if no line is rejected, so a bad file leaves nothing behind. Writes are
 * idempotent upserts: importing the same file again changes nothing.
 */
export const importBackOfficeFile =
  (ports: ImportPorts) =>
  async (kind: BackOfficeRecordKind, text: string): Promise<ImportReport> => {
    const startedAt = ports.clock.nowIso();
    const lineCount = Math.max(0, text.split(/\r?\n/).filter((line) => line.trim() !== '').length - 1);
    const outcome = await planners[kind](ports, text);
    const sortedRejected = [...outcome.rejected].sort((a, b) => a.line - b.line);
    let written = 0;
    let created = 0;
    if (sortedRejected.length === 0 && outcome.write) {
      ({ written, created } = await outcome.write());
    }
    return {
      kind,
      status: sortedRejected.length === 0 ? 'imported' : 'rejected',
      lines: lineCount,
      written,
      created,
      rejected: sortedRejected,
      startedAt,
      finishedAt: ports.clock.nowIso(),
    };
  };

const unknownCompany = (line: number): RejectedLine => ({
  line,
  reason: 'Entreprise inconnue (identifiant_entreprise).',
});

async function companyIdsFor(ports: ImportPorts, rows: { row: { identifiant_entreprise: string } }[]) {
  return ports.repository.companyIdsByNumber([...new Set(rows.map(({ row }) => row.identifiant_entreprise))]);
}

const planners: Record<BackOfficeRecordKind, (ports: ImportPorts, text: string) => Promise<Outcome>> = {
  async entreprises(ports, text) {
    const parsed = parseBackOfficeCsv<CompanyRow>('entreprises', text);
    const rejected = [
      ...parsed.rejected,
      ...rejectDuplicates(parsed.rows, (row) => row.identifiant_entreprise),
    ];
    if (rejected.length > 0) return { rejected };
    const existing = await companyIdsFor(ports, parsed.rows);
    const rows = parsed.rows.map(({ row }) => {
      const companyId = existing.get(row.identifiant_entreprise);
      return { companyId: companyId ?? ports.ids.next(), isNew: !companyId, row };
    });
    return {
      rejected,
      write: async () => ({
        written: await ports.repository.upsertCompanies(rows, ports.clock.nowIso()),
        created: rows.filter((row) => row.isNew).length,
      }),
    };
  },

  async etablissements(ports, text) {
    const parsed = parseBackOfficeCsv<EstablishmentRow>('etablissements', text);
    const rejected = [...parsed.rejected, ...rejectDuplicates(parsed.rows, (row) => row.siret)];
    const companies = await companyIdsFor(ports, parsed.rows);
    const rows: { companyId: string; row: EstablishmentRow }[] = [];
    for (const { line, row } of parsed.rows) {
      const companyId = companies.get(row.identifiant_entreprise);
      if (!companyId) rejected.push(unknownCompany(line));
      else rows.push({ companyId, row });
    }
    return {
      rejected,
      write: async () => ({
        written: await ports.repository.upsertEstablishments(rows, ports.clock.nowIso()),
        created: 0,
      }),
    };
  },

  async contrats(ports, text) {
    const parsed = parseBackOfficeCsv<ContractRow>('contrats', text);
    const rejected = [...parsed.rejected, ...rejectDuplicates(parsed.rows, (row) => row.contrat_employeur)];
    const companies = await companyIdsFor(ports, parsed.rows);
    const rows: { companyId: string; row: ContractRow }[] = [];
    for (const { line, row } of parsed.rows) {
      const companyId = companies.get(row.identifiant_entreprise);
      if (!companyId) rejected.push(unknownCompany(line));
      else if (row.date_fin && row.date_fin < row.date_effet)
        rejected.push({ line, reason: "La date de fin précède la date d'effet." });
      else rows.push({ companyId, row });
    }
    return {
      rejected,
      write: async () => ({
        written: await ports.repository.upsertContracts(rows, ports.clock.nowIso()),
        created: 0,
      }),
    };
  },

  async assures(ports, text) {
    const parsed = parseBackOfficeCsv<InsuredRow>('assures', text);
    const rejected = [
      ...parsed.rejected,
      ...rejectDuplicates(
        parsed.rows,
        (row) => `${row.identifiant_entreprise}#${row.nir}#${row.contrat_employeur}`,
      ),
    ];
    const companies = await companyIdsFor(ports, parsed.rows);
    const known = parsed.rows.flatMap(({ line, row }) => {
      const companyId = companies.get(row.identifiant_entreprise);
      if (!companyId) rejected.push(unknownCompany(line));
      return companyId ? [{ line, row, companyId, nirDigest: ports.nirDigest(row.nir) }] : [];
    });
    const [contracts, establishments, insuredIds] = await Promise.all([
      ports.repository.existingContracts(
        known.map((k) => ({ companyId: k.companyId, contractNumber: k.row.contrat_employeur })),
      ),
      ports.repository.existingEstablishments(
        known.map((k) => ({ companyId: k.companyId, siret: k.row.siret })),
      ),
      ports.repository.insuredIds(
        known.map((k) => ({
          companyId: k.companyId,
          nirDigest: k.nirDigest,
          contractNumber: k.row.contrat_employeur,
        })),
      ),
    ]);
    const rows = known.flatMap(({ line, row, companyId, nirDigest }) => {
      const contract = contracts.get(`${companyId}#${row.contrat_employeur}`);
      if (!contract)
        return (
          rejected.push({ line, reason: 'Contrat inconnu pour cette entreprise (contrat_employeur).' }),
          []
        );
      const establishmentName = establishments.get(`${companyId}#${row.siret}`);
      if (establishmentName === undefined)
        return (rejected.push({ line, reason: 'Établissement inconnu pour cette entreprise (siret).' }), []);
      if (row.date_fin && row.date_fin < row.date_effet)
        return (rejected.push({ line, reason: "La date de fin précède la date d'effet." }), []);
      const existingId = insuredIds.get(`COMPANY#${companyId}#NIR#${nirDigest}#${row.contrat_employeur}`);
      return [
        {
          companyId,
          insuredId: existingId ?? ports.ids.next(),
          isNew: !existingId,
          nirDigest,
          statut: contract.statut,
          product: contract.product,
          establishmentName,
          row,
        },
      ];
    });
    return {
      rejected,
      write: async () => ({
        written: await ports.repository.upsertInsured(rows, ports.clock.nowIso()),
        created: rows.filter((row) => row.isNew).length,
      }),
    };
  },

  async ayants_droit(ports, text) {
    const parsed = parseBackOfficeCsv<BeneficiaryRow>('ayants_droit', text);
    const rejected = [
      ...parsed.rejected,
      ...rejectDuplicates(
        parsed.rows,
        (row) =>
          `${row.identifiant_entreprise}#${row.nir_assure}#${row.contrat_employeur}#${row.lien}#${row.prenom}#${row.date_naissance}`,
      ),
    ];
    const companies = await companyIdsFor(ports, parsed.rows);
    const known = parsed.rows.flatMap(({ line, row }) => {
      const companyId = companies.get(row.identifiant_entreprise);
      if (!companyId) rejected.push(unknownCompany(line));
      return companyId ? [{ line, row, companyId, nirDigest: ports.nirDigest(row.nir_assure) }] : [];
    });
    const insuredIds = await ports.repository.insuredIds(
      known.map((k) => ({
        companyId: k.companyId,
        nirDigest: k.nirDigest,
        contractNumber: k.row.contrat_employeur,
      })),
    );
    const groups = new Map<string, { companyId: string; insuredId: string; rows: BeneficiaryRow[] }>();
    for (const { line, row, companyId, nirDigest } of known) {
      const insuredId = insuredIds.get(`COMPANY#${companyId}#NIR#${nirDigest}#${row.contrat_employeur}`);
      if (!insuredId) {
        rejected.push({ line, reason: 'Assuré inconnu sur ce contrat (nir_assure, contrat_employeur).' });
        continue;
      }
      if (row.lien === 'conjoint' && groups.get(insuredId)?.rows.some((r) => r.lien === 'conjoint')) {
        rejected.push({ line, reason: 'Un seul conjoint par assuré.' });
        continue;
      }
      const group = groups.get(insuredId) ?? { companyId, insuredId, rows: [] };
      group.rows.push(row);
      groups.set(insuredId, group);
    }
    return {
      rejected,
      write: async () => ({
        written: await ports.repository.replaceBeneficiaries([...groups.values()], ports.clock.nowIso()),
        created: 0,
      }),
    };
  },
};
