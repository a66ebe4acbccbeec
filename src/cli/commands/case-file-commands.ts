import { z } from 'zod';
import { slugSchema } from '../../shared/common-schemas.js';
import {
  caseExportFormats,
  overrideReasonSchema,
  type CaseImportFormat,
} from '../../shared/case-schemas.js';
import { fileExists, readFileBytes, writePrivateFile } from '../../server/platform/files.js';
import { CliError, cliContext, exitCodes, parseOptions, withRuntime } from '../cli-support.js';

const importSchema = z.strictObject({
  org: slugSchema,
  dryRun: z.boolean().default(false),
});

/** A progress bar on stderr, redrawn in place on a terminal and printed every 10% otherwise. */
function progressBar(): (processed: number, total: number) => void {
  let lastTenth = -1;
  return (processed, total) => {
    const share = total === 0 ? 1 : processed / total;
    const width = 30;
    const filled = Math.round(share * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(processed)}/${String(total)} rows`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line}${processed >= total ? '\n' : ''}`);
    } else if (Math.floor(share * 10) !== lastTenth) {
      lastTenth = Math.floor(share * 10);
      process.stderr.write(`${line}\n`);
    }
  };
}

/**
 * `vigil import ctdc|htcds <file> --org <slug> [--dry-run]`: reads the file, reports every
 * rejected row (row, column, value, reason), and unless it is a dry run imports the valid rows
 * in transactional batches. Exit 0 when every row was imported or already present, 65 when
 * some rows were rejected, 64/65/78 for usage, data and configuration errors.
 */
export function importCommand(format: CaseImportFormat) {
  return async (file: string, options: unknown): Promise<number> => {
    const input = parseOptions(importSchema, options);
    if (!fileExists(file)) throw new CliError(`${file}: no such file`, exitCodes.usage);
    const content = readFileBytes(file);
    return withRuntime(async ({ services }) => {
      const org = await services.organisations.findBySlug(services.database.db, input.org);
      if (org === undefined) {
        throw new CliError(`--org: no organisation with slug "${input.org}"`, exitCodes.dataError);
      }
      const job = await services.imports.run(
        cliContext,
        { organisationId: org.id, format, content, dryRun: input.dryRun },
        progressBar(),
      );
      if (job.status === 'failed') {
        throw new CliError(`import failed: ${job.errorCode ?? 'internal'}`, exitCodes.dataError);
      }
      for (const r of job.rejections) {
        process.stdout.write(
          `row ${String(r.row)}\t${r.column ?? '-'}\t${JSON.stringify(r.value)}\t${r.reason}\t${r.message}\n`,
        );
      }
      if (job.rejectedRows > job.rejections.length) {
        process.stdout.write(`… and more; ${String(job.rejectedRows)} rows rejected in all\n`);
      }
      const verb = job.dryRun ? 'would import' : 'imported';
      process.stdout.write(
        job.alreadyImported
          ? `This file was already imported into ${org.slug} (import ${job.id}); nothing changed.\n`
          : `${job.format}: ${String(job.totalRows)} rows; ${verb} ${String(job.importedRows)}, already present ${String(job.duplicateRows)}, rejected ${String(job.rejectedRows)}.\n`,
      );
      return job.rejectedRows > 0 ? exitCodes.dataError : exitCodes.ok;
    });
  };
}

const exportSchema = z.strictObject({
  org: slugSchema,
  format: z.enum(caseExportFormats),
  out: z.string().min(1),
  overrideReason: overrideReasonSchema.optional(),
  k: z.coerce.number().int().min(2).max(1000).optional(),
});

/**
 * `vigil export cases --org <slug> --format ctdc|ctdc-k-anonymised|htcds-csv|htcds-xlsx
 * --out <file> [--k <n>]`: writes the organisation's cases whose people consented to
 * record-level sharing (or all, with `--override-reason`, each override audited). The file is
 * created with mode 0600. A k-anonymised release reports its protection and what it cost.
 */
export async function exportCommand(options: unknown): Promise<void> {
  const input = parseOptions(exportSchema, options);
  if (input.k !== undefined && input.format !== 'ctdc-k-anonymised') {
    throw new CliError('--k applies only to --format ctdc-k-anonymised', exitCodes.usage);
  }
  await withRuntime(async ({ services }) => {
    const org = await services.organisations.findBySlug(services.database.db, input.org);
    if (org === undefined) {
      throw new CliError(`--org: no organisation with slug "${input.org}"`, exitCodes.dataError);
    }
    const result = await services.exports.exportCases(
      cliContext,
      org.id,
      input.format,
      input.overrideReason,
      input.k,
    );
    writePrivateFile(input.out, result.content);
    process.stdout.write(
      `Wrote ${String(result.exported)} case(s) to ${input.out}` +
        (result.withheld > 0
          ? `; ${String(result.withheld)} withheld without consent to record-level sharing (see --override-reason)`
          : '') +
        '.\n',
    );
    const release = result.release;
    if (release !== null) {
      const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
      const levels = Object.entries(release.levels)
        .map(([column, level]) => `${column} ${String(level)}`)
        .join(', ');
      process.stdout.write(
        `k-anonymised (k = ${String(release.k)}): ${String(release.recordsSuppressed)} record(s) suppressed ` +
          `(${percent(release.suppressedRecordShare)} of records, ${percent(release.suppressedCellShare)} of quasi-identifier cells); ` +
          `${percent(release.generalisedCellShare)} of quasi-identifier cells generalised.\n` +
          `Generalisation levels: ${levels}.\n` +
          (release.withinBudget
            ? ''
            : 'No generalisation kept suppression within 5 %; the release is still k-anonymous.\n') +
          `Protection: ${release.protection.method}.\n`,
      );
    }
  });
}
