import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cellKeyString } from '../../../shared/glotip-vocabulary.js';
import { databaseKinds } from '../../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import type { Actor } from '../access/index.js';

const system = { actor: { kind: 'system' } as const, requestId: null };
const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../../test/fixtures/glotip/${name}`, import.meta.url)));

async function storedCells(t: TestApp): Promise<string[]> {
  const stored = await t.services.returns.listReturnsForExport({ statuses: ['published'] });
  return stored
    .flatMap(({ ret, cells }) =>
      cells.map(
        (cell) =>
          `${ret.country ?? ''}|${String(ret.year)}|${cellKeyString(cell.key)}|${JSON.stringify(cell.value)}`,
      ),
    )
    .sort();
}

describe.each(databaseKinds)('dataUNODC import and export (%s)', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  it.each(['csv', 'xlsx'] as const)(
    'imports the %s fixture with the expected outcomes',
    async (format) => {
      const content = fixture(`dataunodc-sample.${format}`);
      const dry = await t.services.glotipImports.run(system, { content, format, dryRun: true });
      expect(dry.returns.every((ret) => ret.outcome === 'would_write')).toBe(true);
      expect(await storedCells(t)).toEqual([]);

      const report = await t.services.glotipImports.run(system, { content, format, dryRun: false });
      expect(report.outcomes).toMatchObject({ imported: 17, normalised: 7, rejected: 6 });
      expect(report.rejections).toHaveLength(6);
      expect(report.inconsistencies.length).toBeGreaterThanOrEqual(1);
      expect(report.returns.every((ret) => ret.outcome === 'created')).toBe(true);
      expect(report.organisationsCreated.length).toBeGreaterThan(0);
      const nga = await t.services.organisations.findBySlug(t.database.db, 'ms-nga');
      expect(nga).toMatchObject({ type: 'member_state', country: 'NGA' });

      // The same file again changes nothing.
      const before = await storedCells(t);
      const again = await t.services.glotipImports.run(system, { content, format, dryRun: false });
      expect(again.returns.every((ret) => ret.outcome === 'unchanged')).toBe(true);
      expect(again.organisationsCreated).toEqual([]);
      expect(await storedCells(t)).toEqual(before);
    },
  );

  const csvOf = (lines: readonly string[]) =>
    Buffer.from(
      [
        'Iso3_code,Country,Region,Subregion,Indicator,Dimension,Category,Sex,Age,Year,Unit of measurement,txtVALUE,Source',
        ...lines,
      ].join('\n'),
    );
  const row = (indicator: string, sex: string, age: string, value: string, source: string) =>
    `NGA,Nigeria,Africa,Sub-Saharan Africa,${indicator},Total,Total,${sex},${age},2020,Counts,${value},${source}`;
  const importCsv = (content: Buffer, dryRun: boolean) =>
    t.services.glotipImports.run(system, { content, format: 'csv', dryRun });

  it('keeps one return per country and year when its figures come under two sources', async () => {
    const content = csvOf([
      row('Detected trafficking victims', 'Total', 'Total', '40', 'GLOTIP'),
      row('Persons convicted', 'Total', 'Total', '7', 'GLOTIP_2022'),
    ]);
    const first = await importCsv(content, false);
    expect(first.returns).toEqual([{ country: 'NGA', year: 2020, cells: 2, outcome: 'created' }]);
    const stored = await storedCells(t);
    expect(stored).toHaveLength(2);
    for (let replay = 0; replay < 2; replay += 1) {
      const again = await importCsv(content, false);
      expect(again.returns.map((ret) => ret.outcome)).toEqual(['unchanged']);
      expect(await storedCells(t)).toEqual(stored);
    }
    const [published] = await t.services.returns.listReturnsForExport({ statuses: ['published'] });
    expect(published?.ret).toMatchObject({
      version: 1,
      sourceNote: 'dataUNODC (GLOTIP, GLOTIP_2022)',
    });
  });

  it.runIf(kind === 'postgres')(
    'an import over returns someone is editing waits for them instead of deadlocking (PostgreSQL)',
    async () => {
      const yearRow = (year: number, value: string) =>
        `NGA,Nigeria,Africa,Sub-Saharan Africa,Detected trafficking victims,Total,Total,Total,Total,${String(year)},Counts,${value},GLOTIP`;
      await importCsv(csvOf([yearRow(2020, '40'), yearRow(2021, '41')]), false);
      const later = await t.database.db
        .selectFrom('glotip_returns')
        .select('id')
        .where('year', '=', 2021)
        .executeTakeFirstOrThrow();
      let importing: Promise<unknown> = Promise.resolve();
      // An edit of the 2021 return: it holds the return, then wants the audit chain's head.
      await t.database.db.transaction().execute(async (trx) => {
        await trx
          .selectFrom('glotip_returns')
          .select('id')
          .where('id', '=', later.id)
          .forUpdate()
          .execute();
        importing = importCsv(csvOf([yearRow(2020, '50'), yearRow(2021, '51')]), false);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await trx.selectFrom('audit_head').select('seq').forUpdate().execute();
      });
      const report = (await importing) as Awaited<ReturnType<typeof importCsv>>;
      expect(report.returns.map((ret) => ret.outcome)).toEqual(['updated', 'updated']);
    },
  );

  it('refuses a figure the data set does not collect by its column, and keeps the rest', async () => {
    const content = csvOf([
      row('Detected trafficking victims', 'Total', 'Total', '40', 'GLOTIP'),
      row('Persons prosecuted', 'Total', '0 to 17 years', '3', 'GLOTIP'),
    ]);
    const dry = await importCsv(content, true);
    expect(dry.rejections).toEqual([
      { line: 3, column: 'Age', value: '0 to 17 years', reason: 'not_collected' },
    ]);
    const report = await importCsv(content, false);
    expect(report.returns).toEqual([{ country: 'NGA', year: 2020, cells: 1, outcome: 'created' }]);
    expect(await storedCells(t)).toHaveLength(1);
  });

  it('an imported return edited by a person is no longer published as UNODC published it', async () => {
    const content = csvOf([
      row('Detected trafficking victims', 'Total', 'Total', '12', 'GLOTIP'),
      row('Detected trafficking victims', 'Female', 'Total', '10', 'GLOTIP'),
    ]);
    await importCsv(content, false);
    const [imported] = await t.services.returns.listReturnsForExport({ statuses: ['published'] });
    if (imported === undefined) throw new Error('nothing imported');
    expect(imported.ret.source).toBe('dataunodc');
    const id = imported.ret.id;
    const reopened = await t.call(t.admin, 'POST', `/api/returns/${id}/reopen`, {
      reason: 'A correction from the national rapporteur',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const key = {
      indicator: 'detected_victims',
      dimension: 'total',
      category: 'total',
      age: 'total',
    };
    const edited = await t.call(t.admin, 'PUT', `/api/returns/${id}/cells`, {
      cells: [{ key: { ...key, sex: 'male' }, value: { kind: 'count', value: 2 } }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ source: 'entered' });
  });

  it('reads a published return as sealed, whatever its live cells hold meanwhile', async () => {
    await importCsv(
      csvOf([row('Detected trafficking victims', 'Total', 'Total', '12', 'GLOTIP')]),
      false,
    );
    const before = await storedCells(t);
    // What a reopen and an edit would leave in the live cells, read before the status changes.
    await t.database.db.updateTable('glotip_return_cells').set({ value: 3 }).execute();
    expect(await storedCells(t)).toEqual(before);
    expect(before[0]).toContain('"value":12');
  });

  it('answers an unreadable file with import.unreadable_file, not an internal error', async () => {
    const response = await t.call(t.admin, 'POST', '/api/glotip-imports', {
      format: 'xlsx',
      content: Buffer.from('hello').toString('base64'),
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: 'import.unreadable_file' });
  });

  it('round-trips losslessly: export, import elsewhere, same cells and same file', async () => {
    await t.services.glotipImports.run(system, {
      content: fixture('dataunodc-sample.csv'),
      format: 'csv',
      dryRun: false,
    });
    const cells = await storedCells(t);
    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await t.services.glotipExports.run(system, { format });
      const other = await createTestApp(kind);
      try {
        const body = typeof exported.body === 'string' ? Buffer.from(exported.body) : exported.body;
        const report = await other.services.glotipImports.run(system, {
          content: body,
          format,
          dryRun: false,
        });
        expect(report.rejections).toEqual([]);
        expect(await storedCells(other)).toEqual(cells);
        const second = await other.services.glotipExports.run(system, { format: 'csv' });
        const first = await t.services.glotipExports.run(system, { format: 'csv' });
        expect(second.body).toEqual(first.body);
      } finally {
        await other.close();
      }
    }
  });

  it('exports SDMX-CSV lines that are those of the golden file', async () => {
    await t.services.glotipImports.run(system, {
      content: fixture('dataunodc-sample.csv'),
      format: 'csv',
      dryRun: false,
    });
    const sdmx = await t.services.glotipExports.run(system, { format: 'sdmx-csv' });
    const golden = fixture('sdmx-golden.csv').toString('utf8').trim().split('\n');
    const lines = String(sdmx.body).trim().split('\n');
    expect(lines[0]).toBe(golden[0]);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(golden).toContain(line);
  });

  it('adds rates per 100,000 to SDMX-CSV where a population is loaded', async () => {
    await t.services.glotipImports.run(system, {
      content: fixture('dataunodc-sample.csv'),
      format: 'csv',
      dryRun: false,
    });
    await t.services.populations.importCsv(system, {
      content: 'country,year,population\nNGA,2019,117300000\n',
      dryRun: false,
    });
    const lines = String(
      (await t.services.glotipExports.run(system, { format: 'sdmx-csv' })).body,
    ).split('\n');
    // 1,173 detected victims in Nigeria in 2019, per 117.3 million people: 1 per 100,000.
    const total = lines.findIndex((line) => line.includes(',VC_HTF_DETV,566,_T,_T,2019,1173,'));
    expect(total).toBeGreaterThan(0);
    expect(lines[total + 1]).toContain(',VC_HTF_DETVR,566,_T,_T,2019,1,PER_100000_POP,');
    // Other countries have no population loaded: no rate.
    expect(
      lines
        .filter((line) => line.includes('PER_100000_POP'))
        .every((line) => line.includes(',566,')),
    ).toBe(true);
  });

  it('audits every export of internal figures, and refuses callers without the verb', async () => {
    const before = await t.services.audit.query(t.database.db, {
      action: 'return.export',
      limit: 100,
    });
    await t.services.glotipExports.run(system, { format: 'hxl', year: 2020 });
    const after = await t.services.audit.query(t.database.db, {
      action: 'return.export',
      limit: 100,
    });
    expect(after).toHaveLength(before.length + 1);
    // An analyst of the root organisation: reads statistics, may not export returns.
    const analyst: Actor = {
      kind: 'user',
      userId: 'analyst-1',
      sessionId: 'session-1',
      isSystemAdmin: false,
      grants: [{ organisationId: t.rootOrgId, verbs: ['return.read', 'stats.read'] }],
      enrolmentOnly: false,
    };
    await expect(
      t.services.glotipExports.run({ actor: analyst, requestId: null }, { format: 'csv' }),
    ).rejects.toMatchObject({ code: 'access.denied' });
    const still = await t.services.audit.query(t.database.db, {
      action: 'return.export',
      limit: 100,
    });
    expect(still).toHaveLength(after.length);
  });

  it('serves dry runs over the API to system administrators only', async () => {
    const content = fixture('dataunodc-sample.csv').toString('base64');
    const manager = await t.userWithRole('data_manager');
    const refused = await t.call(manager, 'POST', '/api/glotip-imports', {
      format: 'csv',
      content,
    });
    expect(refused.statusCode).toBe(403);
    const dry = await t.call(t.admin, 'POST', '/api/glotip-imports', { format: 'csv', content });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, outcomes: { rejected: 6 } });
    expect(await storedCells(t)).toEqual([]);
  });
});
