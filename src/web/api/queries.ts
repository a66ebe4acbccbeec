import { useQuery } from '@tanstack/react-query';
import { organisationApi, queryKeys, roleApi, userApi } from './endpoints.js';

/** The organisations the user may see (for names, pickers and the tree). */
export function useOrganisations(enabled = true) {
  return useQuery({ queryKey: queryKeys.organisations, queryFn: organisationApi.list, enabled });
}

/** Built-in and custom roles. */
export function useRoles(enabled = true) {
  return useQuery({ queryKey: queryKeys.roles, queryFn: roleApi.list, enabled });
}

/** The users the user may see. */
export function useUsers(enabled = true) {
  return useQuery({ queryKey: queryKeys.users, queryFn: userApi.list, enabled });
}
