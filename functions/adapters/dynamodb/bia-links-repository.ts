import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../runtime/clients';
import { config } from '../../runtime/config';
import { keys } from './table-keys';

/** The personal link of one journey of a demande d'affiliation (item `linkToken`, purpose 'bia'). */
export interface BiaLinkItem {
  purpose: 'bia';
  companyId: string;
  requestId: string;
  /** The journey this link belongs to: a restart issues a new link and deletes this one. */
  journey: number;
  /** Epoch seconds (also the TTL attribute). */
  expiresAt: number;
}

export async function biaLink(tokenDigest: string): Promise<BiaLinkItem | undefined> {
  const { Item } = await documentClient().send(
    new GetCommand({
      TableName: config().TABLE_NAME,
      Key: keys.linkToken(tokenDigest),
      ConsistentRead: true,
    }),
  );
  return Item?.purpose === 'bia' ? (Item as BiaLinkItem) : undefined;
}
