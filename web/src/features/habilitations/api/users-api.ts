import '../../../shared/forms/zod';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  acceptInvitationResponse,
  inviteUserResponse,
  listAuditEventsResponse,
  listCompanyUsersResponse,
  resendInvitationResponse,
  updateUserRightsResponse,
  userStatusResponse,
  type CompanyUser,
  type InviteUserRequest,
} from '../../../../../functions/contracts/users';
import type { Role } from '../../../../../functions/contracts/auth';
import { api } from '../../../shared/api';
import type { AuditFilters } from '../lib/audit';

export type { CompanyUser };

/** Query keys, under the company: switching company never mixes two companies' users. */
export const habilitationKeys = {
  all: ['habilitations'] as const,
  company: (companyId: string) => ['habilitations', companyId] as const,
  users: (companyId: string) => ['habilitations', companyId, 'users'] as const,
  audit: (companyId: string, filters: AuditFilters) =>
    ['habilitations', companyId, 'audit', filters] as const,
};

const usersPath = (companyId: string) => `/companies/${encodeURIComponent(companyId)}/users`;
const userPath = (companyId: string, userId: string) =>
  `${usersPath(companyId)}/${encodeURIComponent(userId)}`;

/** GET /companies/{companyId}/users — route `listCompanyUsers`. */
export const listCompanyUsers = (companyId: string, signal?: AbortSignal) =>
  api.get(usersPath(companyId), undefined, listCompanyUsersResponse, { signal });

/** POST /companies/{companyId}/users — route `inviteUser`: the same answer whether the person had an account. */
export const inviteUser = (companyId: string, body: InviteUserRequest) =>
  api.post(usersPath(companyId), body, inviteUserResponse);

export interface RightsUpdate {
  civilite?: 'M' | 'MME';
  lastName?: string;
  firstName?: string;
  role: Role;
  /** The version read with the list: a change made meanwhile by someone else is refused (409). */
  version: number;
}

/** PUT /companies/{companyId}/users/{userId} — route `updateUserRights`. */
export const updateUserRights = (companyId: string, userId: string, body: RightsUpdate) =>
  api.put(userPath(companyId, userId), body, updateUserRightsResponse);

/** POST …/users/{userId}/invitation — route `resendInvitation`: a new link, the old one dies. */
export const resendInvitation = (companyId: string, userId: string) =>
  api.post(`${userPath(companyId, userId)}/invitation`, undefined, resendInvitationResponse);

export type DeactivationMode = 'temporary' | 'permanent';

/** POST …/users/{userId}/deactivation — route `deactivateUser`: the person's sessions end at once. */
export const deactivateUser = (companyId: string, userId: string, mode: DeactivationMode) =>
  api.post(`${userPath(companyId, userId)}/deactivation`, { mode }, userStatusResponse);

/** POST …/users/{userId}/reactivation — route `reactivateUser` (temporary deactivations only). */
export const reactivateUser = (companyId: string, userId: string) =>
  api.post(`${userPath(companyId, userId)}/reactivation`, undefined, userStatusResponse);

/** POST /auth/invitation — route `acceptInvitation`: the invited person's password. */
export const acceptInvitation = (body: {
  token: string;
  password: string;
  cguVersion: string;
  cguAccepted: true;
}) => api.post('/auth/invitation', body, acceptInvitationResponse);

export const useCompanyUsers = (companyId: string) =>
  useQuery({
    queryKey: habilitationKeys.users(companyId),
    queryFn: ({ signal }) => listCompanyUsers(companyId, signal),
  });

export const AUDIT_PAGE_SIZE = 20;
/**
 * Actor and action filters sieve a page the API has already read, so a page may come back
 * thin (even empty) with more to read: a few reads are chained until half a page is filled.
 */
const MAX_READS_PER_PAGE = 4;

/** GET /companies/{companyId}/audit-events — route `listAuditEvents`: one page, newest first. */
export async function fetchAuditPage(
  companyId: string,
  filters: AuditFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
) {
  const items: Awaited<ReturnType<typeof readAuditPage>>['items'] = [];
  let next: string | null | undefined = cursor;
  for (let reads = 0; reads < MAX_READS_PER_PAGE; reads += 1) {
    const page = await readAuditPage(companyId, filters, next ?? undefined, signal);
    items.push(...page.items);
    next = page.cursor;
    if (!next || items.length >= AUDIT_PAGE_SIZE / 2) break;
  }
  return { items, cursor: next ?? null };
}

const readAuditPage = (
  companyId: string,
  filters: AuditFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
) =>
  api.get(
    `/companies/${encodeURIComponent(companyId)}/audit-events`,
    { ...filters, cursor, limit: AUDIT_PAGE_SIZE },
    listAuditEventsResponse,
    { signal },
  );

export type AuditEvent = Awaited<ReturnType<typeof readAuditPage>>['items'][number];

export const useAuditEvents = (companyId: string, filters: AuditFilters) =>
  useInfiniteQuery({
    queryKey: habilitationKeys.audit(companyId, filters),
    queryFn: ({ pageParam, signal }) => fetchAuditPage(companyId, filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.cursor ?? undefined,
  });
