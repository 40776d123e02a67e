import { keys } from './table-keys';
import { getItem } from './transact';

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
  const item = await getItem<BiaLinkItem | { purpose: string }>(keys.linkToken(tokenDigest));
  return item?.purpose === 'bia' ? (item as BiaLinkItem) : undefined;
}
