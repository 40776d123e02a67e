import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { MeResponse } from '../../../../functions/contracts/auth';
import { api, isApiError, type ResponseSchema } from '../api';

export type Me = MeResponse;
export type MeCompany = Me['companies'][number];

/** `null` in the cache means "checked: nobody is signed in". */
export const ME_QUERY_KEY = ['me'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * The shell needs the user on every page, so this check is hand-written rather than the
 * contract's zod schema: zod stays out of the entry bundle (the type still comes from the contract).
 */
export const meSchema: ResponseSchema<Me> = {
  parse(input: unknown): Me {
    if (
      !isRecord(input) ||
      !isString(input.userId) ||
      !isString(input.email) ||
      (input.civilite !== 'M' && input.civilite !== 'MME') ||
      !isString(input.firstName) ||
      !isString(input.lastName) ||
      !(input.maskedPhone === null || isString(input.maskedPhone)) ||
      !Array.isArray(input.companies)
    ) {
      throw new TypeError('Unexpected /me response');
    }
    const companies = input.companies.map((company: unknown): MeCompany => {
      if (
        !isRecord(company) ||
        !isString(company.companyId) ||
        !isString(company.name) ||
        !isString(company.mainSiret)
      ) {
        throw new TypeError('Unexpected company in /me response');
      }
      const { role } = company;
      if (role !== 'admin' && role !== 'user') throw new TypeError('Unexpected role in /me response');
      return { companyId: company.companyId, name: company.name, mainSiret: company.mainSiret, role };
    });
    return {
      userId: input.userId,
      email: input.email,
      civilite: input.civilite,
      firstName: input.firstName,
      lastName: input.lastName,
      maskedPhone: input.maskedPhone,
      companies,
    };
  },
};

/** The signed-in user, or null when there is no valid session (401 is an answer here, not an error). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await api.get('/me', undefined, meSchema, { signal });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = {
  queryKey: ME_QUERY_KEY,
  // A 401 here while signed in also reaches the App's `onApiError` listener: session expired.
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchMe(signal),
  // The session cookie is the truth; the API answers 401 as soon as it is no longer valid.
  staleTime: 5 * 60_000,
};

/** `data`: the user, `null` when signed out, `undefined` while the first check runs. */
export const useMe = () => useQuery(meQueryOptions);

/** After a login: forget whatever the previous session had cached, then read the new user. */
export async function startSession(queryClient: QueryClient): Promise<Me | null> {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
  return queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
}

/** After a logout or an expired session: nothing of the old session stays in memory. */
export function endSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
  queryClient.setQueryData(ME_QUERY_KEY, null);
}
