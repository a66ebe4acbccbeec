import type { Selectable } from 'kysely';
import type { ReferralStatus, ServiceKind } from '../../../shared/case-vocabulary.js';
import type { Executor } from '../../platform/db/database.js';
import type { ReferralsTable, ServiceProvidersTable } from '../../platform/db/schema.js';
import type { Referral, ReferralListing, ServiceProvider } from './referral-model.js';

function toProvider(row: Selectable<ServiceProvidersTable>): ServiceProvider {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    kinds: JSON.parse(row.kinds) as ServiceKind[],
    country: row.country,
    recipientOrganisationId: row.recipient_organisation_id,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toReferral(row: Selectable<ReferralsTable>): Referral {
  return {
    id: row.id,
    caseId: row.case_id,
    organisationId: row.organisation_id,
    providerId: row.provider_id,
    recipientOrganisationId: row.recipient_organisation_id,
    serviceKind: row.service_kind as ServiceKind,
    status: row.status as ReferralStatus,
    packetSealed: row.packet_sealed,
    consentOverridden: row.consent_overridden === 1,
    acknowledgeBy: row.acknowledge_by,
    sentAt: row.sent_at,
    acknowledgedAt: row.acknowledged_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
  };
}

export async function insertProvider(
  trx: Executor,
  p: ServiceProvider,
  submissionKey: string | null = null,
): Promise<void> {
  await trx
    .insertInto('service_providers')
    .values({
      id: p.id,
      organisation_id: p.organisationId,
      name: p.name,
      kinds: JSON.stringify(p.kinds),
      country: p.country,
      recipient_organisation_id: p.recipientOrganisationId,
      active: p.active ? 1 : 0,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      submission_key: submissionKey,
    })
    .execute();
}

/** The provider a submission (its keyed Idempotency-Key) added, if any. */
export async function findSubmittedProvider(
  db: Executor,
  submissionKey: string,
): Promise<ServiceProvider | undefined> {
  const row = await db
    .selectFrom('service_providers')
    .selectAll()
    .where('submission_key', '=', submissionKey)
    .executeTakeFirst();
  return row && toProvider(row);
}

export async function findProvider(db: Executor, id: string): Promise<ServiceProvider | undefined> {
  const row = await db
    .selectFrom('service_providers')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toProvider(row);
}

export async function listProviders(db: Executor): Promise<ServiceProvider[]> {
  const rows = await db.selectFrom('service_providers').selectAll().orderBy('name').execute();
  return rows.map(toProvider);
}

export async function insertReferral(
  trx: Executor,
  r: Referral,
  submissionKey: string | null = null,
): Promise<void> {
  await trx
    .insertInto('referrals')
    .values({
      id: r.id,
      case_id: r.caseId,
      organisation_id: r.organisationId,
      provider_id: r.providerId,
      recipient_organisation_id: r.recipientOrganisationId,
      service_kind: r.serviceKind,
      status: r.status,
      packet_sealed: r.packetSealed,
      consent_overridden: r.consentOverridden ? 1 : 0,
      acknowledge_by: r.acknowledgeBy,
      sent_at: r.sentAt,
      acknowledged_at: r.acknowledgedAt,
      updated_at: r.updatedAt,
      created_by: r.createdBy,
      submission_key: submissionKey,
    })
    .execute();
}

/** The referral of a case that a submission (its keyed Idempotency-Key) made, if any. */
export async function findSubmittedReferral(
  db: Executor,
  caseId: string,
  submissionKey: string,
): Promise<ReferralListing | undefined> {
  const row = await listingQuery(db)
    .where('referrals.case_id', '=', caseId)
    .where('referrals.submission_key', '=', submissionKey)
    .executeTakeFirst();
  return (
    row && { ...toReferral(row), providerName: row.provider_name, caseNumber: row.case_number }
  );
}

/** A referral with the ancestry of its recipient and sender organisations. */
export async function findReferral(
  db: Executor,
  id: string,
): Promise<
  { referral: Referral; recipientPath: string; senderPath: string; dataKeyId: string } | undefined
> {
  const row = await db
    .selectFrom('referrals')
    .innerJoin('organisations as recipient', 'recipient.id', 'referrals.recipient_organisation_id')
    .innerJoin('organisations as sender', 'sender.id', 'referrals.organisation_id')
    .innerJoin('cases', 'cases.id', 'referrals.case_id')
    .selectAll('referrals')
    .select([
      'recipient.path as recipient_path',
      'sender.path as sender_path',
      'cases.data_key_id as data_key_id',
    ])
    .where('referrals.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    referral: toReferral(row),
    recipientPath: row.recipient_path,
    senderPath: row.sender_path,
    dataKeyId: row.data_key_id,
  };
}

function listingQuery(db: Executor) {
  return db
    .selectFrom('referrals')
    .innerJoin('service_providers', 'service_providers.id', 'referrals.provider_id')
    .innerJoin('cases', 'cases.id', 'referrals.case_id')
    .selectAll('referrals')
    .select(['service_providers.name as provider_name', 'cases.case_number as case_number'])
    .orderBy('referrals.sent_at', 'desc')
    .orderBy('referrals.id');
}

export async function listReferralsOfCase(
  db: Executor,
  caseId: string,
): Promise<ReferralListing[]> {
  const rows = await listingQuery(db).where('referrals.case_id', '=', caseId).execute();
  return rows.map((row) => ({
    ...toReferral(row),
    providerName: row.provider_name,
    caseNumber: row.case_number,
  }));
}

/** Referrals addressed to organisations in the given subtrees (null = all). */
export async function listInbox(
  db: Executor,
  subtrees: readonly string[] | null,
): Promise<ReferralListing[]> {
  let q = listingQuery(db).innerJoin(
    'organisations',
    'organisations.id',
    'referrals.recipient_organisation_id',
  );
  if (subtrees !== null) {
    if (subtrees.length === 0) return [];
    q = q.where((eb) => eb.or(subtrees.map((id) => eb('organisations.path', 'like', `%/${id}/%`))));
  }
  const rows = await q.limit(500).execute();
  return rows.map((row) => ({
    ...toReferral(row),
    providerName: row.provider_name,
    caseNumber: row.case_number,
  }));
}

export async function updateReferralStatus(
  trx: Executor,
  id: string,
  from: ReferralStatus,
  to: ReferralStatus,
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('referrals')
    .set({
      status: to,
      updated_at: at,
      ...(from === 'sent' && to !== 'revoked' ? { acknowledged_at: at } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
