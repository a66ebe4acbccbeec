import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * A cube change row may carry any non-zero weight, not only ±1: a bulk write (an import batch)
 * appends one row per distinct set of analytic facts with the number of cases that share them,
 * instead of one row per case. Folding sums weights either way.
 *
 * PostgreSQL replaces the column's CHECK constraint (found by its definition). SQLite cannot alter a constraint: the
 * table is rebuilt under the new rule and its pending rows copied across.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect.kind === 'postgres') {
    // Dropped by what it checks, not by name: a database made by other means (a restore, a
    // hand-made schema) may have named the column's constraint differently.
    await sql`do $$
      declare found text;
      begin
        for found in
          select conname from pg_constraint
          where conrelid = 'case_cube_changes'::regclass and contype = 'c'
            and pg_get_constraintdef(oid) like '%weight%'
        loop
          execute format('alter table case_cube_changes drop constraint %I', found);
        end loop;
      end $$`.execute(db);
    await sql`alter table case_cube_changes add constraint case_cube_changes_weight_check
      check (weight <> 0)`.execute(db);
    return;
  }
  await sql`create table case_cube_changes_next (
    id text primary key,
    organisation_id text not null,
    weight integer not null check (weight <> 0),
    year text not null,
    country text not null,
    citizenship text not null,
    sex text not null,
    age text not null,
    exploitation text not null,
    conflict text not null,
    crisis text not null,
    displacement text not null,
    status text not null
  )`.execute(db);
  await sql`insert into case_cube_changes_next
    (id, organisation_id, weight, year, country, citizenship, sex, age, exploitation, conflict,
     crisis, displacement, status)
    select id, organisation_id, weight, year, country, citizenship, sex, age, exploitation,
      conflict, crisis, displacement, status
    from case_cube_changes`.execute(db);
  await sql`drop table case_cube_changes`.execute(db);
  await sql`alter table case_cube_changes_next rename to case_cube_changes`.execute(db);
}
