import type { z } from 'zod';
import type {
  auditEntrySchema,
  auditQuerySchema,
  auditVerificationSchema,
} from '../../shared/audit-schemas.js';
import type {
  apiTokenSchema,
  createApiTokenBodySchema,
  createMembershipBodySchema,
  createOrganisationBodySchema,
  createUserBodySchema,
  loginResponseSchema,
  membershipSchema,
  meSchema,
  organisationSchema,
  roleSchema,
  updateMeBodySchema,
  updateOrganisationBodySchema,
  updateUserBodySchema,
} from '../../shared/identity-schemas.js';
import type { PermissionVerb } from '../../shared/permissions.js';
import { apiRequest } from './api-client.js';

// Types come from the shared zod contracts (type-only imports: zod stays out of the bundle).
export type Me = z.infer<typeof meSchema>;
export type User = Me['user'];
export type Organisation = z.infer<typeof organisationSchema>;
export type Membership = z.infer<typeof membershipSchema>;
export type Role = z.infer<typeof roleSchema>;
export type ApiToken = z.infer<typeof apiTokenSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
export type AuditQuery = Partial<z.input<typeof auditQuerySchema>>;
export type LoginResponse = z.infer<typeof loginResponseSchema>;
export type CreateOrganisationBody = z.input<typeof createOrganisationBodySchema>;
export type UpdateOrganisationBody = z.input<typeof updateOrganisationBodySchema>;
export type CreateUserBody = z.input<typeof createUserBodySchema>;
export type UpdateUserBody = z.input<typeof updateUserBodySchema>;
export type CreateMembershipBody = z.input<typeof createMembershipBodySchema>;
export type CreateApiTokenBody = z.input<typeof createApiTokenBodySchema>;
export type UpdateMeBody = z.input<typeof updateMeBodySchema>;

interface Items<T> {
  items: T[];
}

/** Query keys, one place, so that invalidation after a write names the right lists. */
export const queryKeys = {
  me: ['me'] as const,
  organisations: ['organisations'] as const,
  users: ['users'] as const,
  user: (id: string) => ['users', id] as const,
  memberships: (userId: string) => ['memberships', userId] as const,
  roles: ['roles'] as const,
  tokens: (organisationId: string | undefined) => ['tokens', organisationId ?? 'mine'] as const,
  audit: (query: AuditQuery) => ['audit', query] as const,
  auditVerification: ['audit', 'verification'] as const,
};

/** Sign-in and the current user. */
export const authApi = {
  login: (email: string, password: string) =>
    apiRequest<LoginResponse>('/api/auth/login', {
      method: 'POST',
      body: { email, password },
      anonymous: true,
    }),
  totp: (challenge: string, answer: { code: string } | { recoveryCode: string }) =>
    apiRequest<LoginResponse>('/api/auth/totp', {
      method: 'POST',
      body: { challenge, ...answer },
      anonymous: true,
    }),
  logout: () => apiRequest<undefined>('/api/auth/logout', { method: 'POST', anonymous: true }),
  me: () => apiRequest<Me>('/api/me'),
  updateMe: (body: UpdateMeBody) => apiRequest<User>('/api/me', { method: 'PATCH', body }),
  changePassword: (currentPassword: string, newPassword: string) =>
    apiRequest<{ csrfToken: string }>('/api/me/password', {
      method: 'POST',
      body: { currentPassword, newPassword },
    }),
  beginTotp: () => apiRequest<{ secret: string; uri: string }>('/api/me/totp', { method: 'POST' }),
  confirmTotp: (code: string) =>
    apiRequest<{ recoveryCodes: string[] }>('/api/me/totp/confirm', {
      method: 'POST',
      body: { code },
    }),
  disableTotp: (password: string) =>
    apiRequest<undefined>('/api/me/totp/disable', { method: 'POST', body: { password } }),
  regenerateRecoveryCodes: () =>
    apiRequest<{ recoveryCodes: string[] }>('/api/me/recovery-codes', { method: 'POST' }),
};

/** Organisations and their hierarchy. */
export const organisationApi = {
  list: async () => (await apiRequest<Items<Organisation>>('/api/organisations')).items,
  create: (body: CreateOrganisationBody) =>
    apiRequest<Organisation>('/api/organisations', { method: 'POST', body }),
  update: (id: string, body: UpdateOrganisationBody) =>
    apiRequest<Organisation>(`/api/organisations/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body,
    }),
};

/** Users, their memberships and password resets. */
export const userApi = {
  list: async () => (await apiRequest<Items<User>>('/api/users')).items,
  get: (id: string) => apiRequest<User>(`/api/users/${encodeURIComponent(id)}`),
  create: (body: CreateUserBody) => apiRequest<User>('/api/users', { method: 'POST', body }),
  update: (id: string, body: UpdateUserBody) =>
    apiRequest<User>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  resetPassword: (id: string, newPassword: string) =>
    apiRequest<undefined>(`/api/users/${encodeURIComponent(id)}/password`, {
      method: 'POST',
      body: { newPassword },
    }),
  memberships: async (userId: string) =>
    (await apiRequest<Items<Membership>>('/api/memberships', { query: { userId } })).items,
  addMembership: (body: CreateMembershipBody) =>
    apiRequest<Membership>('/api/memberships', { method: 'POST', body }),
  removeMembership: (id: string) =>
    apiRequest<undefined>(`/api/memberships/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

/** Built-in and custom roles. */
export const roleApi = {
  list: async () => (await apiRequest<Items<Role>>('/api/roles')).items,
  create: (name: string, verbs: PermissionVerb[]) =>
    apiRequest<Role>('/api/roles', { method: 'POST', body: { name, verbs } }),
  update: (name: string, verbs: PermissionVerb[]) =>
    apiRequest<Role>(`/api/roles/${encodeURIComponent(name)}`, {
      method: 'PUT',
      body: { verbs },
    }),
  remove: (name: string) =>
    apiRequest<undefined>(`/api/roles/${encodeURIComponent(name)}`, { method: 'DELETE' }),
};

/** API tokens (the secret is only in the creation answer). */
export const tokenApi = {
  list: async (organisationId: string | undefined) =>
    (await apiRequest<Items<ApiToken>>('/api/tokens', { query: { organisationId } })).items,
  create: (body: CreateApiTokenBody) =>
    apiRequest<ApiToken & { secret: string }>('/api/tokens', { method: 'POST', body }),
  revoke: (id: string) =>
    apiRequest<undefined>(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

/** The audit log and its hash-chain verification. */
export const auditApi = {
  query: async (query: AuditQuery) =>
    (
      await apiRequest<Items<AuditEntry>>('/api/audit', {
        query: query as Record<string, string | number | undefined>,
      })
    ).items,
  verification: () => apiRequest<AuditVerification>('/api/audit/verification'),
};
