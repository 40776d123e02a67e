import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../runtime/clients';
import { config } from '../../runtime/config';
import { keys, sortableName } from './table-keys';
import { batchGet } from './transact';
import { queryPage, type Page, type QueryPageInput } from './query-page';

export interface ContractItem {
  contractNumber: string;
  statut: 'cadre' | 'non_cadre';
  risque: 'sante' | 'prevoyance';
  product: string;
  effectiveDate: string;
  endDate?: string;
}

export interface InsuredItem {
  companyId: string;
  insuredId: string;
  contractNumber: string;
  product?: string;
  statut: 'cadre' | 'non_cadre';
  siret: string;
  establishmentName?: string;
  nir: string;
  civilite: 'M' | 'MME';
  lastName: string;
  /** Nom de naissance, when the person goes by another name. */
  birthName?: string;
  firstName: string;
  birthDate: string;
  email?: string;
  noemie: boolean;
  effectiveDate: string;
  endDate?: string;
  radiationReason?: string;
  portabilite?: { eligible: boolean; months: number; from: string | null; to: string | null };
  beneficiaries?: {
    kind: 'conjoint' | 'enfant';
    firstName: string;
    lastName: string;
    birthDate: string;
    noemie: boolean;
  }[];
  version?: number;
  sourceHash?: string;
}

export interface InsuredFilters {
  q?: string;
  siret?: string;
  contractNumber?: string;
  statut?: 'cadre' | 'non_cadre';
  state?: 'active' | 'radiated';
  order: 'asc' | 'desc';
}

/**
 * Picks the index whose partition is the narrowest for the filters given (contract, then
 * establishment, then active/radiated, then the whole company), with the name prefix as a
 * sort-key condition; the remaining filters only sieve that partition's page.
 */
export function insuredQueryFor(
  companyId: string,
  filters: InsuredFilters,
): Omit<QueryPageInput, 'cursor' | 'limit'> {
  // A prefix of the last name as stored ("DE LA TOUR", accents and case folded).
  const namePrefix = filters.q ? sortableName(filters.q) : undefined;
  const sieve: Record<string, string> = {};
  let index: QueryPageInput['index'];
  let partition: Record<string, string>;
  if (filters.contractNumber) {
    index = 'GSI2';
    partition = keys.insuredByContractPartition(companyId, filters.contractNumber);
    if (filters.siret) sieve.siret = filters.siret;
  } else if (filters.siret) {
    index = 'GSI3';
    partition = keys.insuredByEstablishmentPartition(companyId, filters.siret);
  } else if (filters.state) {
    index = 'GSI4';
    partition = keys.insuredByStatePartition(companyId, filters.state);
  } else {
    index = 'GSI1';
    partition = keys.insuredByNamePartition(companyId);
  }
  if (filters.statut) sieve.statut = filters.statut;
  const stateSieve = filters.state && index !== 'GSI4' ? filters.state : undefined;
  const conditions = Object.keys(sieve).map((field) => `#${field} = :${field}`);
  if (stateSieve)
    conditions.push(
      stateSieve === 'radiated' ? 'attribute_exists(endDate)' : 'attribute_not_exists(endDate)',
    );
  return {
    index,
    partition,
    sortKeyPrefix: namePrefix || undefined,
    descending: filters.order === 'desc',
    filter: conditions.length
      ? {
          FilterExpression: conditions.join(' AND '),
          ...(Object.keys(sieve).length
            ? {
                ExpressionAttributeNames: Object.fromEntries(
                  Object.keys(sieve).map((field) => [`#${field}`, field]),
                ),
                ExpressionAttributeValues: Object.fromEntries(
                  Object.entries(sieve).map(([field, value]) => [`:${field}`, value]),
                ),
              }
            : {}),
        }
      : undefined,
  };
}

export const employeesRepository = () => ({
  async contracts(companyId: string): Promise<ContractItem[]> {
    const prefix = keys.contractsPrefix(companyId);
    const page = await queryPage<ContractItem>({
      partition: { PK: prefix.PK },
      sortKeyPrefix: prefix.SKPrefix,
      limit: 500,
    });
    return page.items;
  },

  async contract(companyId: string, contractNumber: string): Promise<ContractItem | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: config().TABLE_NAME, Key: keys.contract(companyId, contractNumber) }),
    );
    return Item as ContractItem | undefined;
  },

  async insured(companyId: string, insuredId: string): Promise<InsuredItem | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({
        TableName: config().TABLE_NAME,
        Key: keys.insured(companyId, insuredId),
        ConsistentRead: true,
      }),
    );
    return Item as InsuredItem | undefined;
  },

  listInsured(
    companyId: string,
    filters: InsuredFilters,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<InsuredItem>> {
    return queryPage<InsuredItem>({ ...insuredQueryFor(companyId, filters), cursor, limit });
  },

  /** A full NIR: its digest finds the person's affiliations (any contract) in two round trips. */
  async insuredByNirDigest(companyId: string, nirDigest: string): Promise<InsuredItem[]> {
    const prefix = keys.insuredNirPrefix(companyId, nirDigest);
    const refs = await queryPage<{ insuredId: string }>({
      partition: { PK: prefix.PK },
      sortKeyPrefix: prefix.SKPrefix,
      limit: 20,
    });
    return refs.items.length
      ? batchGet<InsuredItem>(refs.items.map((ref) => keys.insured(companyId, ref.insuredId)))
      : [];
  },
});

export type EmployeesRepository = ReturnType<typeof employeesRepository>;
