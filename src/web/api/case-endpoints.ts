import type { z } from 'zod';
import type {
  caseListQuerySchema,
  caseResponseSchema,
  caseSummarySchema,
  caseUpdateBodySchema,
  consentBodySchema,
  consentResponseSchema,
  createCaseBodySchema,
  crisisResponseSchema,
  referralBodySchema,
  referralPacketResponseSchema,
  incomingReferralResponseSchema,
  referralResponseSchema,
  serviceProviderBodySchema,
  serviceProviderResponseSchema,
} from '../../shared/case-schemas.js';
import type { ReferralStatus } from '../../shared/case-vocabulary.js';
import type { importBodySchema, importJobSchema } from '../../shared/import-schemas.js';
import type {
  ScreeningRequestBody,
  screeningResultSchema,
} from '../../shared/screening-vocabulary.js';
import { apiRequest } from './api-client.js';

// Types of the case-record API, from the shared zod contracts (type-only: no zod at run time).
export type CaseSummary = z.output<typeof caseSummarySchema>;
export type CaseDetail = z.output<typeof caseResponseSchema>;
export type CaseListQuery = Partial<z.input<typeof caseListQuerySchema>>;
export type CreateCaseBody = z.input<typeof createCaseBodySchema>;
export type UpdateCaseBody = z.input<typeof caseUpdateBodySchema>;
export type Consent = z.output<typeof consentResponseSchema>;
export type ConsentBody = z.input<typeof consentBodySchema>;
export type Crisis = z.output<typeof crisisResponseSchema>;
export type ServiceProvider = z.output<typeof serviceProviderResponseSchema>;
export type ServiceProviderBody = z.input<typeof serviceProviderBodySchema>;
export type Referral = z.output<typeof referralResponseSchema>;
/** A referral in its recipient's inbox: no case id of the referring organisation. */
export type IncomingReferral = z.output<typeof incomingReferralResponseSchema>;
export type ReferralBody = z.input<typeof referralBodySchema>;
export type ReferralPacket = z.output<typeof referralPacketResponseSchema>;
export type ImportBody = z.input<typeof importBodySchema>;
export type ImportJob = z.output<typeof importJobSchema>;

/** A stored screening: the indicators found present and the result computed from them. */
export interface Screening {
  id: string;
  indicators: string[];
  result: z.output<typeof screeningResultSchema>;
  createdAt: string;
}

/** A notice to the signed-in user (emergency access to their cases, a referral received). */
export interface Notification {
  id: string;
  organisationId: string;
  kind: 'case.break_glass' | 'referral.received';
  targetType: string;
  targetId: string;
  createdAt: string;
  readAt: string | null;
}

interface Items<T> {
  items: T[];
}

const at = (id: string) => encodeURIComponent(id);

/** Query keys of the case area, so that a write invalidates exactly what it changed. */
export const caseKeys = {
  all: ['cases'] as const,
  lists: ['cases', 'list'] as const,
  list: (query: CaseListQuery) => ['cases', 'list', query] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  consents: (id: string) => ['cases', 'consents', id] as const,
  screenings: (id: string) => ['cases', 'screenings', id] as const,
  referrals: (id: string) => ['cases', 'referrals', id] as const,
  crises: ['crises'] as const,
  providers: ['service-providers'] as const,
  inbox: ['referrals', 'inbox'] as const,
  notifications: ['notifications'] as const,
  importJob: (id: string) => ['imports', id] as const,
};

/** Victim case records, their consent ledger, screenings and safeguards. */
export const caseApi = {
  list: (query: CaseListQuery) =>
    apiRequest<{ items: CaseSummary[]; total: number }>('/api/cases', {
      query: query as Record<string, string | number | undefined>,
    }),
  get: (id: string) => apiRequest<CaseDetail>(`/api/cases/${at(id)}`),
  /** `idempotencyKey` names the form's submission: sending it again never makes a second case. */
  create: (body: CreateCaseBody, idempotencyKey: string) =>
    apiRequest<CaseDetail>('/api/cases', { method: 'POST', body, idempotencyKey }),
  update: (id: string, body: UpdateCaseBody) =>
    apiRequest<CaseDetail>(`/api/cases/${at(id)}`, { method: 'PATCH', body }),
  breakGlass: (id: string, reason: string) =>
    apiRequest<{ expiresAt: string }>(`/api/cases/${at(id)}/break-glass`, {
      method: 'POST',
      body: { reason },
    }),
  forget: (id: string, confirmCaseNumber: string) =>
    apiRequest<undefined>(`/api/cases/${at(id)}/forget`, {
      method: 'POST',
      body: { confirmCaseNumber },
    }),
  consents: async (id: string) =>
    (await apiRequest<Items<Consent>>(`/api/cases/${at(id)}/consents`)).items,
  /** `idempotencyKey` names the form's submission: a retry never adds a second entry. */
  recordConsent: (id: string, body: ConsentBody, idempotencyKey: string) =>
    apiRequest<Consent>(`/api/cases/${at(id)}/consents`, { method: 'POST', body, idempotencyKey }),
  revokeConsent: (id: string, consentId: string) =>
    apiRequest<undefined>(`/api/cases/${at(id)}/consents/${at(consentId)}/revoke`, {
      method: 'POST',
    }),
  screenings: async (id: string) =>
    (await apiRequest<Items<Screening>>(`/api/cases/${at(id)}/screenings`)).items,
  /** `idempotencyKey` names the wizard's submission: a retry never saves a second screening. */
  screen: (id: string, body: ScreeningRequestBody, idempotencyKey: string) =>
    apiRequest<Screening>(`/api/cases/${at(id)}/screenings`, {
      method: 'POST',
      body,
      idempotencyKey,
    }),
  crises: async () => (await apiRequest<Items<Crisis>>('/api/crises')).items,
};

/** Referrals of a case, the provider directory and the recipients' inbox. */
export const referralApi = {
  ofCase: async (caseId: string) =>
    (await apiRequest<Items<Referral>>(`/api/cases/${at(caseId)}/referrals`)).items,
  /** `idempotencyKey` names the dialog's submission: a retry never sends a second packet. */
  refer: (caseId: string, body: ReferralBody, idempotencyKey: string) =>
    apiRequest<Referral>(`/api/cases/${at(caseId)}/referrals`, {
      method: 'POST',
      body,
      idempotencyKey,
    }),
  providers: async () => (await apiRequest<Items<ServiceProvider>>('/api/service-providers')).items,
  /** `idempotencyKey` names the dialog's submission: a retry never lists a provider twice. */
  createProvider: (body: ServiceProviderBody, idempotencyKey: string) =>
    apiRequest<ServiceProvider>('/api/service-providers', {
      method: 'POST',
      body,
      idempotencyKey,
    }),
  inbox: async () => (await apiRequest<Items<IncomingReferral>>('/api/referrals/inbox')).items,
  packet: (id: string) => apiRequest<ReferralPacket>(`/api/referrals/${at(id)}/packet`),
  move: (id: string, status: ReferralStatus) =>
    apiRequest<undefined>(`/api/referrals/${at(id)}`, { method: 'PATCH', body: { status } }),
};

/** The signed-in user's notices. */
export const notificationApi = {
  list: async () => (await apiRequest<Items<Notification>>('/api/notifications')).items,
  markRead: (id: string) =>
    apiRequest<undefined>(`/api/notifications/${at(id)}/read`, { method: 'POST' }),
};

/** Imports of case files (CTDC, HTCDS): a dry run first, then the real one. */
export const importApi = {
  start: (body: ImportBody) => apiRequest<ImportJob>('/api/imports', { method: 'POST', body }),
  get: (id: string) => apiRequest<ImportJob>(`/api/imports/${at(id)}`),
};
