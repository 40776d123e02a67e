import { createHash } from 'node:crypto';
import { config } from '../../runtime/config';
import { keys, type ItemKey } from './table-keys';
import { batchGet, inParallel, packTransactions, transact, type TransactItem } from './transact';
import { upsertItem } from './update-expression';
import type {
  BeneficiaryRow,
  CompanyRow,
  ContractRow,
  EstablishmentRow,
  InsuredRow,
} from '../../contracts/back-office-import';

interface CompanyNumberItem {
  companyNumber: string;
  companyId: string;
}
interface InsuredNirItem {
  SK: string;
  insuredId: string;
}

/** Transactions run a few at a time: enough to go fast, few enough not to throttle. */
const WRITE_CONCURRENCY = 4;

const put = (item: Record<string, unknown>, condition?: string): TransactItem => ({
  Put: { TableName: config().TABLE_NAME, Item: item, ConditionExpression: condition },
});

const audited = (type: string, nowIso: string, sourceHash: string) => ({
  _type: type,
  _v: 1,
  updatedAt: nowIso,
  updatedBy: 'back-office',
  sourceHash,
});
const created = (nowIso: string) => ({ createdAt: nowIso, version: 1 });

/** Every group lands atomically; groups are packed into transactions of up to 100 items. */
async function writeGroups(groups: TransactItem[][]): Promise<void> {
  await inParallel(packTransactions(groups), WRITE_CONCURRENCY, (pack) => transact(pack));
}

/** JSON with sorted keys: DynamoDB does not keep the order of a map's attributes. */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : item,
  );

const sourceHashOf = (value: unknown): string =>
  createHash('sha256').update(stableJson(value)).digest('base64url');

/**
 * Keeps only the rows whose content differs from what the table holds, so that importing
 * the same file again writes nothing at all (no new version, no stream record).
 */
async function changedOnly<T>(rows: T[], keyOf: (row: T) => ItemKey, contentOf: (row: T) => unknown) {
  const withHash = rows.map((row) => ({ row, key: keyOf(row), hash: sourceHashOf(contentOf(row)) }));
  const stored = await batchGet<ItemKey & { sourceHash?: string }>(withHash.map((entry) => entry.key));
  const storedHash = new Map(stored.map((item) => [`${item.PK}#${item.SK}`, item.sourceHash]));
  return withHash.filter((entry) => storedHash.get(`${entry.key.PK}#${entry.key.SK}`) !== entry.hash);
}

export const backOfficeRepository = () => ({
  async companyIdsByNumber(numbers: string[]): Promise<Map<string, string>> {
    const found = await batchGet<CompanyNumberItem>(numbers.map((number) => keys.companyNumber(number)));
    return new Map(found.map((item) => [item.companyNumber, item.companyId]));
  },

  async existingContracts(
    pairs: { companyId: string; contractNumber: string }[],
  ): Promise<Map<string, { statut: ContractRow['statut']; product: string }>> {
    const found = await batchGet<{
      companyId: string;
      contractNumber: string;
      statut: ContractRow['statut'];
      product: string;
    }>(pairs.map((pair) => keys.contract(pair.companyId, pair.contractNumber)));
    return new Map(
      found.map((item) => [
        `${item.companyId}#${item.contractNumber}`,
        { statut: item.statut, product: item.product },
      ]),
    );
  },

  async existingEstablishments(pairs: { companyId: string; siret: string }[]): Promise<Map<string, string>> {
    const found = await batchGet<{ companyId: string; siret: string; name: string }>(
      pairs.map((pair) => keys.establishment(pair.companyId, pair.siret)),
    );
    return new Map(found.map((item) => [`${item.companyId}#${item.siret}`, item.name]));
  },

  async insuredIds(
    lookups: { companyId: string; nirDigest: string; contractNumber: string }[],
  ): Promise<Map<string, string>> {
    const found = await batchGet<InsuredNirItem & { PK: string }>(
      lookups.map((l) => keys.insuredByNir(l.companyId, l.nirDigest, l.contractNumber)),
    );
    return new Map(found.map((item) => [`${item.PK}#${item.SK}`, item.insuredId]));
  },

  /** Each upsert returns how many records it actually wrote (0 when the file changed nothing). */
  async upsertCompanies(
    rows: { companyId: string; isNew: boolean; row: CompanyRow }[],
    nowIso: string,
  ): Promise<number> {
    const changed = await changedOnly(
      rows,
      (r) => keys.company(r.companyId),
      (r) => r.row,
    );
    await writeGroups(
      changed.map(({ row: { companyId, isNew, row }, hash }) => [
        ...(isNew
          ? [
              put(
                {
                  ...keys.companyNumber(row.identifiant_entreprise),
                  _type: 'CompanyNumber',
                  _v: 1,
                  companyId,
                  companyNumber: row.identifiant_entreprise,
                },
                'attribute_not_exists(PK)',
              ),
            ]
          : []),
        upsertItem(
          keys.company(companyId),
          {
            ...audited('Company', nowIso, hash),
            companyId,
            companyNumber: row.identifiant_entreprise,
            numberLabel: row.libelle_identifiant,
            name: row.raison_sociale,
            siren: row.siret_principal.slice(0, 9),
            mainSiret: row.siret_principal,
          },
          { ...created(nowIso), activated: false },
        ),
      ]),
    );
    return changed.length;
  },

  async upsertEstablishments(
    rows: { companyId: string; row: EstablishmentRow }[],
    nowIso: string,
  ): Promise<number> {
    const changed = await changedOnly(
      rows,
      (r) => keys.establishment(r.companyId, r.row.siret),
      (r) => r.row,
    );
    await writeGroups(
      changed.map(({ row: { companyId, row }, hash }) => [
        upsertItem(
          keys.establishment(companyId, row.siret),
          {
            ...audited('Establishment', nowIso, hash),
            ...keys.establishmentBySiret(row.siret),
            companyId,
            siret: row.siret,
            name: row.nom,
            address: row.adresse,
            postalCode: row.code_postal,
            city: row.ville,
          },
          created(nowIso),
        ),
      ]),
    );
    return changed.length;
  },

  async upsertContracts(rows: { companyId: string; row: ContractRow }[], nowIso: string): Promise<number> {
    const changed = await changedOnly(
      rows,
      (r) => keys.contract(r.companyId, r.row.contrat_employeur),
      (r) => r.row,
    );
    await writeGroups(
      changed.map(({ row: { companyId, row }, hash }) => [
        upsertItem(
          keys.contract(companyId, row.contrat_employeur),
          {
            ...audited('Contract', nowIso, hash),
            companyId,
            contractNumber: row.contrat_employeur,
            statut: row.statut,
            risque: row.risque,
            product: row.contrat,
            effectiveDate: row.date_effet,
            endDate: row.date_fin,
          },
          created(nowIso),
        ),
      ]),
    );
    return changed.length;
  },

  async upsertInsured(
    rows: {
      companyId: string;
      insuredId: string;
      isNew: boolean;
      nirDigest: string;
      statut: string;
      establishmentName: string;
      product: string;
      row: InsuredRow;
    }[],
    nowIso: string,
  ): Promise<number> {
    const changed = await changedOnly(
      rows,
      (r) => keys.insured(r.companyId, r.insuredId),
      (r) => ({
        ...r.row,
        statut: r.statut,
        establishmentName: r.establishmentName,
        product: r.product,
        schema: 2,
      }),
    );
    await writeGroups(
      changed.map(
        ({
          row: { companyId, insuredId, isNew, nirDigest, statut, establishmentName, product, row },
          hash,
        }) => [
          ...(isNew
            ? [
                put(
                  {
                    ...keys.insuredByNir(companyId, nirDigest, row.contrat_employeur),
                    _type: 'InsuredNir',
                    _v: 1,
                    companyId,
                    insuredId,
                  },
                  'attribute_not_exists(PK)',
                ),
              ]
            : []),
          upsertItem(
            keys.insured(companyId, insuredId),
            {
              ...audited('Insured', nowIso, hash),
              ...keys.insuredByName(companyId, row.nom, row.prenom, insuredId),
              ...keys.insuredByContract(companyId, row.contrat_employeur, row.nom, row.prenom, insuredId),
              ...keys.insuredByEstablishment(companyId, row.siret, row.nom, row.prenom, insuredId),
              ...keys.insuredByState(
                companyId,
                row.date_fin ? 'radiated' : 'active',
                row.nom,
                row.prenom,
                insuredId,
              ),
              establishmentName: establishmentName,
              product,
              companyId,
              insuredId,
              contractNumber: row.contrat_employeur,
              statut,
              siret: row.siret,
              nir: row.nir,
              civilite: row.civilite,
              lastName: row.nom,
              birthName: row.nom_naissance,
              firstName: row.prenom,
              birthDate: row.date_naissance,
              email: row.email,
              address: { line: row.adresse, postalCode: row.code_postal, city: row.ville },
              noemie: row.teletransmission_noemie,
              effectiveDate: row.date_effet,
              endDate: row.date_fin,
              radiationReason: row.motif_radiation,
            },
            { ...created(nowIso), beneficiaries: [] },
          ),
        ],
      ),
    );
    return changed.length;
  },

  /** The file is authoritative per insured: their beneficiary list becomes the file's rows. */
  async replaceBeneficiaries(
    groups: { companyId: string; insuredId: string; rows: BeneficiaryRow[] }[],
    nowIso: string,
  ): Promise<number> {
    const beneficiariesOf = (rows: BeneficiaryRow[]) =>
      rows.map((row) => ({
        kind: row.lien,
        lastName: row.nom,
        firstName: row.prenom,
        birthDate: row.date_naissance,
        nir: row.nir,
        noemie: row.teletransmission_noemie,
      }));
    const stored = await batchGet<{ insuredId: string; beneficiaries?: unknown[] }>(
      groups.map((group) => keys.insured(group.companyId, group.insuredId)),
    );
    const storedLists = new Map(stored.map((item) => [item.insuredId, stableJson(item.beneficiaries ?? [])]));
    const changed = groups.filter(
      (group) => storedLists.get(group.insuredId) !== stableJson(beneficiariesOf(group.rows)),
    );
    await writeGroups(
      changed.map(({ companyId, insuredId, rows }) => [
        upsertItem(
          keys.insured(companyId, insuredId),
          { updatedAt: nowIso, beneficiaries: beneficiariesOf(rows) },
          {},
          { expression: 'attribute_exists(PK)' },
        ),
      ]),
    );
    return changed.length;
  },
});

export type BackOfficeRepository = ReturnType<typeof backOfficeRepository>;
