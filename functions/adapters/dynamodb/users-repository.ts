import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { documentClient } from '../../runtime/clients';
import { config } from '../../runtime/config';
import { keys, type ItemKey } from './table-keys';
import { batchGet, getItem, transact, type TransactItem } from './transact';
import { queryPage } from './query-page';
import type { Company, Membership, User } from '../../domain/users';

const table = () => config().TABLE_NAME;
/** A well-formed user id that no user has (ours are ULIDs of the current time). */
const NO_USER_ID = '0'.repeat(26);

export const put = (
  item: Record<string, unknown>,
  condition?: string,
  values?: Record<string, unknown>,
): TransactItem => ({
  Put: { TableName: table(), Item: item, ConditionExpression: condition, ExpressionAttributeValues: values },
});

export const del = (key: ItemKey, condition?: string, values?: Record<string, unknown>): TransactItem => ({
  Delete: { TableName: table(), Key: key, ConditionExpression: condition, ExpressionAttributeValues: values },
});

export const update = (
  key: ItemKey,
  expression: string,
  values: Record<string, unknown>,
  condition?: string,
  names?: Record<string, string>,
): TransactItem => ({
  Update: {
    TableName: table(),
    Key: key,
    UpdateExpression: expression,
    ExpressionAttributeValues: values,
    ConditionExpression: condition,
    ExpressionAttributeNames: names,
  },
});

export interface LinkTokenItem {
  purpose: 'confirm-email' | 'reset-password' | 'invitation' | 'contact-attachment';
  userId: string;
  /** Epoch seconds (also the TTL attribute). */
  expiresAt: number;
  usedAt?: string;
}

export const usersRepository = () => ({
  getUser: (userId: string) => getItem<User>(keys.user(userId)),

  async userByEmail(email: string): Promise<User | undefined> {
    const guard = await getItem<{ userId: string }>(keys.userEmail(email));
    // An unknown address costs the same two reads as a known one: the login's timing says nothing.
    const user = await getItem<User>(keys.user(guard?.userId ?? NO_USER_ID));
    return guard ? user : undefined;
  },

  getCompany: (companyId: string) => getItem<Company>(keys.company(companyId)),

  /**
   * The company whose establishment has this SIRET. GSI2 is eventually consistent, which is
   * fine: establishments come from imports long before anyone activates.
   */
  async companyBySiret(siret: string): Promise<Company | undefined> {
    const { Items } = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK = :sk',
        ExpressionAttributeValues: { ':pk': keys.establishmentBySiret(siret).GSI2PK, ':sk': 'ESTABLISHMENT' },
        Limit: 1,
      }),
    );
    const companyId = (Items?.[0] as { companyId?: string } | undefined)?.companyId;
    return companyId ? getItem<Company>(keys.company(companyId)) : undefined;
  },

  async memberships(userId: string): Promise<Membership[]> {
    const prefix = keys.membershipsPrefix(userId);
    const page = await queryPage<Membership>({
      partition: { PK: prefix.PK },
      sortKeyPrefix: prefix.SKPrefix,
      limit: 1000,
    });
    return page.items;
  },

  async membership(userId: string, companyId: string): Promise<Membership | undefined> {
    return getItem<Membership>(keys.membership(userId, companyId));
  },

  /** Members of a company (GSI1). Bounded by the number of people acting for one company. */
  async companyMembers(companyId: string): Promise<(Membership & { grantedAt: string })[]> {
    const members: (Membership & { grantedAt: string })[] = [];
    let cursor: string | undefined;
    do {
      const page = await queryPage<Membership & { grantedAt: string }>({
        index: 'GSI1',
        partition: keys.companyMembersPartition(companyId),
        cursor,
        limit: 500,
      });
      members.push(...page.items);
      cursor = page.cursor ?? undefined;
    } while (cursor);
    return members;
  },

  async establishments(companyId: string): Promise<{ siret: string; name: string; city: string }[]> {
    const prefix = keys.establishmentsPrefix(companyId);
    const page = await queryPage<{ siret: string; name: string; city: string }>({
      partition: { PK: prefix.PK },
      sortKeyPrefix: prefix.SKPrefix,
      limit: 500,
    });
    return page.items.map(({ siret, name, city }) => ({ siret, name, city }));
  },

  async linkToken(tokenDigest: string): Promise<LinkTokenItem | undefined> {
    return getItem<LinkTokenItem>(keys.linkToken(tokenDigest));
  },

  async getMany<T>(itemKeys: ItemKey[]): Promise<T[]> {
    return batchGet<T>(itemKeys);
  },

  /** Sets fields on the user if its version is the expected one (optimistic locking). */
  async updateUser(userId: string, version: number, fields: Record<string, unknown>): Promise<boolean> {
    const names: Record<string, string> = { '#version': 'version' };
    const values: Record<string, unknown> = { ':expected': version, ':next': version + 1 };
    const sets = ['#version = :next'];
    Object.entries(fields).forEach(([name, value], index) => {
      names[`#f${index}`] = name;
      values[`:f${index}`] = value;
      sets.push(`#f${index} = :f${index}`);
    });
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.user(userId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },

  transact,
});

export type UsersRepository = ReturnType<typeof usersRepository>;
