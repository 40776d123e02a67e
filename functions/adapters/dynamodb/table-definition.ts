/**
 * The single table, described once as plain data. The CDK stack (lib/data.ts) and the
 * local bootstrap (bin/local) both build the real table from this object, so the two can
 * never disagree on key names, indexes, TTL or stream settings.
 */
export const tableDefinition = {
  /** Physical name is `${baseName}-${stage}`; DynamoDB Local needs ≥ 3 characters. */
  baseName: 'ees',
  partitionKey: 'PK',
  sortKey: 'SK',
  globalIndexes: [
    /** Secondary access patterns by parent + sort (e.g. employees of a company by name). */
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    /** Lookups by a natural or secondary identifier, and the insured of one contract by name. */
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    /** The insured of one establishment, by name (Mes salariés filtered by établissement). */
    { name: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
    /** The active or the radiated insured of a company, by name (filter active / radiated). */
    { name: 'GSI4', partitionKey: 'GSI4PK', sortKey: 'GSI4SK' },
  ],
  /** Epoch seconds. DynamoDB Local does not expire items: readers must also check it. */
  ttlAttribute: 'expiresAt',
  /** The outbox dispatcher reads new items from the stream. */
  streamView: 'NEW_AND_OLD_IMAGES',
} as const;

export type IndexName = (typeof tableDefinition.globalIndexes)[number]['name'];

export const tableNameFor = (stage: string): string => `${tableDefinition.baseName}-${stage}`;
