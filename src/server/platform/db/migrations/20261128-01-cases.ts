import { sql, type Kysely } from 'kysely';

// Victim case records (HTCDS 2.0 plus conflict extensions). Identifying values live only in
// `*_sealed` columns, encrypted under the case's data key; every other column is an analytic
// fact that statistics may read. Code lists are JSON text, `null` when unrecorded.

const bool = (name: string) => sql`${sql.ref(name)} in (0, 1)`;

/** Creates case records, their children, consent ledger, screenings, referrals and imports. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('countries', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull().check(bool('dry_run')))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued','running','succeeded','failed')`),
    )
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicate_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data_key_id', 'text', (c) => c.references('data_keys.id'))
    // Rejections quote cell values, which may be personal data: sealed under the job's key.
    .addColumn('report_sealed', 'text')
    .addColumn('error_code', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('import_jobs_file')
    .on('import_jobs')
    .columns(['organisation_id', 'file_hash'])
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('case_number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('Active','FollowUp','Closed','ClosedReferred')`),
    )
    .addColumn('registration_year', 'integer', (c) => c.notNull())
    .addColumn('registered_on', 'text')
    .addColumn('data_source', 'text')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0).check(bool('synthetic')))
    .addColumn('import_job_id', 'text', (c) => c.references('import_jobs.id'))
    // A keyed hash of an imported row's canonical content: re-importing the row is a no-op.
    .addColumn('source_key', 'text')
    .addColumn('data_key_id', 'text', (c) => c.notNull().references('data_keys.id'))
    .addColumn('identity_sealed', 'text')
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('age_at_identification', 'integer')
    .addColumn('age_when_trafficked', 'integer')
    .addColumn('age_band', 'text')
    .addColumn('majority_status', 'text')
    .addColumn('majority_status_at_exploitation', 'text')
    .addColumn('majority_status_at_entry', 'text')
    .addColumn('primary_language', 'text')
    .addColumn('citizenship', 'text', (c) => c.notNull())
    .addColumn('primary_citizenship', 'text')
    .addColumn('trafficking_status', 'text')
    .addColumn('status_decided_by', 'text')
    .addColumn('relationship_to_trafficker', 'text')
    .addColumn('recruiter_relations', 'text')
    .addColumn('recruitment_methods', 'text')
    .addColumn('control_methods', 'text')
    .addColumn('exploitation_types', 'text')
    .addColumn('labour_sectors', 'text')
    .addColumn('sex_exploitation_types', 'text')
    .addColumn('abducted', 'integer', (c) => c.check(sql`abducted is null or abducted in (0, 1)`))
    .addColumn('exploitation_duration', 'text')
    .addColumn('country_of_exploitation', 'text')
    .addColumn('displacement_status', 'text')
    .addColumn('conflict_related', 'text', (c) =>
      c.notNull().check(sql`conflict_related in ('Yes','No','Unknown')`),
    )
    .addColumn('conflict_bases', 'text', (c) => c.notNull())
    .addColumn('crisis_id', 'text', (c) => c.references('crises.id'))
    .addColumn('forgotten_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cases_number', ['organisation_id', 'case_number'])
    .addUniqueConstraint('cases_source', ['organisation_id', 'source_key'])
    .execute();
  await db.schema
    .createIndex('cases_org_created')
    .on('cases')
    .columns(['organisation_id', 'created_at'])
    .execute();

  for (const table of ['case_perpetrators', 'case_events', 'case_support_plans'] as const) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('facts', 'text', (c) => c.notNull())
      .addColumn('sealed', 'text')
      .execute();
    await db.schema.createIndex(`${table}_case`).on(table).column('case_id').execute();
  }

  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('purpose', 'text', (c) =>
      c.notNull().check(sql`purpose in ('case_management','referral','sharing','research')`),
    )
    .addColumn('granted', 'integer', (c) => c.notNull().check(bool('granted')))
    .addColumn('given_by', 'text', (c) => c.notNull().check(sql`given_by in ('person','guardian')`))
    .addColumn('prompts', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute();
  await db.schema.createIndex('consents_case').on('consents').column('case_id').execute();

  await db.schema
    .createTable('consent_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason_sealed', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('screenings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('indicator_set_id', 'text', (c) => c.notNull())
    .addColumn('indicator_set_version', 'text', (c) => c.notNull())
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('result_class', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('screenings_case').on('screenings').column('case_id').execute();

  await db.schema
    .createTable('service_providers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('recipient_organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id'),
    )
    .addColumn('active', 'integer', (c) => c.notNull().check(bool('active')))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('provider_id', 'text', (c) => c.notNull().references('service_providers.id'))
    .addColumn('recipient_organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id'),
    )
    .addColumn('service_kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in ('sent','acknowledged','accepted','declined','completed','revoked')`),
    )
    .addColumn('packet_sealed', 'text')
    .addColumn('consent_overridden', 'integer', (c) =>
      c.notNull().check(bool('consent_overridden')),
    )
    .addColumn('acknowledge_by', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('referrals_case').on('referrals').column('case_id').execute();
  await db.schema
    .createIndex('referrals_recipient')
    .on('referrals')
    .columns(['recipient_organisation_id', 'status'])
    .execute();

  await db.schema
    .createTable('break_glass_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reason_sealed', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('break_glass_user_case')
    .on('break_glass_grants')
    .columns(['user_id', 'case_id'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();
}
