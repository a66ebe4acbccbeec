import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  PublicDashboardResponse,
  publicRegionsResponseSchema,
} from '../../../shared/public-schemas.js';
import { apiRequest } from '../../api/api-client.js';
import {
  dashboardUrl,
  regionsUrl,
  type DashboardFilters,
  type RegionScheme,
} from './dashboard-filters.js';

export type PublicRegions = z.infer<typeof publicRegionsResponseSchema>;

// `anonymous`: a 401 here can only be a server fault; there is no session to renew.
const anonymous = { anonymous: true } as const;

/** The dashboard of the given filters; the previous view stays on screen while a new one loads. */
export function usePublicDashboard(filters: DashboardFilters, language: string) {
  const url = dashboardUrl(filters, language);
  return useQuery({
    queryKey: ['public', 'dashboard', url],
    queryFn: () => apiRequest<PublicDashboardResponse>(url, anonymous),
    placeholderData: keepPreviousData,
    // As long as the server lets caches keep open data (app-factory.ts): a figure retracted
    // meanwhile is gone at the next visit or refocus after that, not minutes later.
    staleTime: 15_000,
  });
}

/** The regions a scheme offers, named in the language. */
export function usePublicRegions(scheme: RegionScheme, language: string) {
  const url = regionsUrl(scheme, language);
  return useQuery({
    queryKey: ['public', 'regions', url],
    queryFn: () => apiRequest<PublicRegions>(url, anonymous),
    staleTime: 60 * 60_000,
  });
}
