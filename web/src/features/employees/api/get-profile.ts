import '../../../shared/forms/zod';
import { useQuery } from '@tanstack/react-query';
import { profileResponse } from '../../../../../functions/contracts/users';
import { api } from '../../../shared/api';
import { employeeKeys } from './keys';

/** GET /me/profile — route `getProfile`: here for its perimeter, the establishments of each company followed. */
export const getProfile = (signal?: AbortSignal) =>
  api.get('/me/profile', undefined, profileResponse, { signal });

/** The selected company's establishments (every one, not only those seen in a page of results). */
export const useCompanyEstablishments = (companyId: string | undefined) =>
  useQuery({
    queryKey: employeeKeys.establishments(companyId ?? ''),
    queryFn: async ({ signal }) => {
      const profile = await getProfile(signal);
      const company = profile.perimeter.find((entry) => entry.companyId === companyId);
      return [...(company?.establishments ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    },
    enabled: Boolean(companyId),
    staleTime: 5 * 60_000,
  });
