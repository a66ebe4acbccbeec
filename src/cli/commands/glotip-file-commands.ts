import { z } from 'zod';
import { countryCodeSchema } from '../../shared/common-schemas.js';
import { returnStatuses } from '../../shared/glotip-vocabulary.js';
import { fileExists, readFileBytes, writePrivateFile } from '../../server/platform/files.js';
import { glotipExportFormats } from '../../server/modules/glotip-files/index.js';
import { CliError, cliContext, exitCodes, parseOptions, withRuntime } from '../cli-support.js';

const importSchema = z.strictObject({ dryRun: z.boolean().default(false) });

/**
 * `vigil import glotip <file.xlsx|file.csv> [--dry-run]`: a dataUNODC GLOTIP export into
 * published returns of member-state reporting entities. Prints counts by outcome, every
 * rejected row (line, column, value, reason) and every breakdown that does not add up. Exit 0
 * when every row was imported, 65 when some were rejected.
 */
export async function importGlotipCommand(file: string, options: unknown): Promise<number> {
  const input = parseOptions(importSchema, options);
  if (!fileExists(file)) throw new CliError(`${file}: no such file`, exitCodes.usage);
  const format = /\.xlsx$/i.test(file) ? 'xlsx' : 'csv';
  const content = readFileBytes(file);
  return withRuntime(async ({ services }) => {
    const report = await services.glotipImports.run(cliContext, {
      content,
      format,
      dryRun: input.dryRun,
    });
    for (const r of report.rejections) {
      process.stdout.write(
        `line ${String(r.line)}\t${r.column}\t${JSON.stringify(r.value)}\t${r.reason}\n`,
      );
    }
    for (const flag of report.inconsistencies) {
      process.stdout.write(`inconsistent\t${JSON.stringify(flag)}\n`);
    }
    const outcomes = Object.entries(report.outcomes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, count]) => `${name} ${String(count)}`)
      .join(', ');
    const byOutcome = new Map<string, number>();
    for (const ret of report.returns) {
      byOutcome.set(ret.outcome, (byOutcome.get(ret.outcome) ?? 0) + 1);
    }
    const returns = [...byOutcome].map(([name, count]) => `${name} ${String(count)}`).join(', ');
    process.stdout.write(
      `rows: ${outcomes}\nreturns: ${returns || 'none'}` +
        (report.organisationsCreated.length > 0
          ? `\nreporting entities created: ${report.organisationsCreated.join(', ')}`
          : '') +
        `\n${report.dryRun ? 'Dry run: nothing was written.\n' : ''}`,
    );
    return report.rejections.length > 0 ? exitCodes.dataError : exitCodes.ok;
  });
}

const exportSchema = z.strictObject({
  format: z.enum(glotipExportFormats),
  out: z.string().min(1),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  country: countryCodeSchema.optional(),
  status: z
    .string()
    .transform((text) => text.split(',').map((part) => part.trim()))
    .pipe(z.array(z.enum(returnStatuses)).min(1))
    .optional(),
});

/**
 * `vigil export glotip --format csv|xlsx|sdmx-csv|hxl [--year] [--country] [--status] --out`:
 * returns (accepted and later by default) in dataUNODC, SDMX-CSV or HXL form, to a 0600 file.
 */
export async function exportGlotipCommand(options: unknown): Promise<void> {
  const input = parseOptions(exportSchema, options);
  await withRuntime(async ({ services }) => {
    const result = await services.glotipExports.run(cliContext, {
      format: input.format,
      ...(input.year === undefined ? {} : { year: input.year }),
      ...(input.country === undefined ? {} : { country: input.country }),
      ...(input.status === undefined ? {} : { statuses: input.status }),
    });
    writePrivateFile(input.out, result.body);
    process.stdout.write(
      `Wrote ${String(result.rows)} row(s) from ${String(result.returns)} return(s) to ${input.out}.\n`,
    );
  });
}
