import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { documentClient } from '../../runtime/clients';
import { config } from '../../runtime/config';
import { keys } from './table-keys';
import { batchGet } from './transact';
import { put, update } from './users-repository';
import type { Membership, User } from '../../domain/users';

export interface SessionItem {
  PK: string;
  userId: string;
  sessionDigest: string;
  createdAt: string;
  /** Epoch ms. */
  lastSeenAt: number;
  absoluteExpiresAt: number;
  ip: string;
  userAgent: string;
}

export interface DeviceItem {
  userId: string;
  lastIp: string;
  lastSeenAt: string;
}

export interface LoginAttemptItem {
  attemptDigest: string;
  userId: string;
  ip: string;
  userAgent: string;
  status: 'pending' | 'used' | 'dead';
  deviceKnown: boolean;
  phone?: string;
  codeDigest?: string;
  codeExpiresAt?: number;
  tries: number;
  sends: number;
  lastSentAt?: number;
  createdAt: string;
  /** Epoch seconds (TTL). */
  expiresAt: number;
}

const table = () => config().TABLE_NAME;
const epochSeconds = (ms: number) => Math.floor(ms / 1000);

export const sessionsRepository = () => ({
  sessionPut(session: Omit<SessionItem, 'PK'>) {
    return put(
      {
        ...keys.session(session.sessionDigest),
        ...keys.userSession(session.userId, session.createdAt),
        _type: 'Session',
        _v: 1,
        ...session,
        expiresAt: epochSeconds(session.absoluteExpiresAt),
      },
      'attribute_not_exists(PK)',
    );
  },

  devicePut(
    userId: string,
    deviceDigest: string,
    ip: string,
    userAgent: string,
    nowIso: string,
    expiresAtMs: number,
  ) {
    return put({
      ...keys.device(userId, deviceDigest),
      _type: 'Device',
      _v: 1,
      userId,
      lastIp: ip,
      lastSeenAt: nowIso,
      createdAt: nowIso,
      userAgent: userAgent.slice(0, 300),
      expiresAt: epochSeconds(expiresAtMs),
    });
  },

  deviceTouch(userId: string, deviceDigest: string, ip: string, nowIso: string) {
    return update(
      keys.device(userId, deviceDigest),
      'SET lastIp = :ip, lastSeenAt = :now',
      { ':ip': ip, ':now': nowIso },
      'attribute_exists(PK)',
    );
  },

  async device(userId: string, deviceDigest: string): Promise<DeviceItem | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: table(), Key: keys.device(userId, deviceDigest), ConsistentRead: true }),
    );
    return Item as DeviceItem | undefined;
  },

  loginAttemptPut(attempt: LoginAttemptItem) {
    return put(
      { ...keys.loginAttempt(attempt.attemptDigest), _type: 'LoginAttempt', _v: 1, ...attempt },
      'attribute_not_exists(PK)',
    );
  },

  async loginAttempt(attemptDigest: string): Promise<LoginAttemptItem | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: table(), Key: keys.loginAttempt(attemptDigest), ConsistentRead: true }),
    );
    return Item as LoginAttemptItem | undefined;
  },

  /**
   * One round trip for the access check of a request: the session, its user and, for a
   * company-scoped route, the membership on that company.
   */
  async sessionContext(sessionDigest: string, userId: string, companyId?: string) {
    const wanted = [
      keys.session(sessionDigest),
      keys.user(userId),
      ...(companyId ? [keys.membership(userId, companyId)] : []),
    ];
    const items = await batchGet<{ PK: string; SK: string } & Record<string, unknown>>(wanted);
    const find = (key: { PK: string; SK: string }) =>
      items.find((item) => item.PK === key.PK && item.SK === key.SK);
    return {
      session: find(wanted[0]!) as unknown as SessionItem | undefined,
      user: find(wanted[1]!) as unknown as User | undefined,
      membership: (companyId ? find(wanted[2]!) : undefined) as unknown as Membership | undefined,
    };
  },

  async touch(sessionDigest: string, nowMs: number): Promise<void> {
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.session(sessionDigest),
          UpdateExpression: 'SET lastSeenAt = :now',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':now': nowMs },
        }),
      );
    } catch (error) {
      // Logged out in the meantime: nothing to refresh.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  },

  async deleteSession(sessionDigest: string): Promise<void> {
    await documentClient().send(new DeleteCommand({ TableName: table(), Key: keys.session(sessionDigest) }));
  },

  /** Ends sessions of a user (all, or all but one), e.g. after a password change or deactivation. */
  async deleteUserSessions(userId: string, exceptDigest?: string): Promise<number> {
    const digests: string[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await documentClient().send(
        new QueryCommand({
          TableName: table(),
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.userSessionsPartition(userId).GSI1PK },
          ProjectionExpression: 'sessionDigest',
          ExclusiveStartKey: cursor,
        }),
      );
      digests.push(...(page.Items ?? []).map((item) => item.sessionDigest as string));
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    const doomed = digests.filter((digest) => digest !== exceptDigest);
    for (let start = 0; start < doomed.length; start += 25) {
      await documentClient().send(
        new BatchWriteCommand({
          RequestItems: {
            [table()]: doomed
              .slice(start, start + 25)
              .map((digest) => ({ DeleteRequest: { Key: keys.session(digest) } })),
          },
        }),
      );
    }
    return doomed.length;
  },
});

export type SessionsRepository = ReturnType<typeof sessionsRepository>;
