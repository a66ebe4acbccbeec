import { z } from 'zod';
import { fileExists, readFileBytes } from '../../server/platform/files.js';
import { CliError, cliContext, exitCodes, parseOptions, withRuntime } from '../cli-support.js';

const importSchema = z.strictObject({ dryRun: z.boolean().default(false) });

/**
 * `vigil import population <file.csv> [--dry-run]`: population figures (`country,year,
 * population[,source]`, country as an ISO 3166-1 alpha-3 code or a name) into the population
 * table, for public rates per 100,000. Prints every rejected row (line, column, value, reason)
 * and the counts; exit 0 when every row was taken, 65 when some were rejected. Importing the
 * same file again changes nothing.
 */
export async function importPopulationCommand(file: string, options: unknown): Promise<number> {
  const input = parseOptions(importSchema, options);
  if (!fileExists(file)) throw new CliError(`${file}: no such file`, exitCodes.usage);
  const content = readFileBytes(file);
  return withRuntime(async ({ services }) => {
    const report = await services.populations.importCsv(cliContext, {
      content,
      dryRun: input.dryRun,
    });
    for (const r of report.rejections) {
      process.stdout.write(
        `line ${String(r.line)}\t${r.column}\t${JSON.stringify(r.value)}\t${r.reason}\n`,
      );
    }
    process.stdout.write(
      `populations: created ${String(report.created)}, updated ${String(report.updated)}, ` +
        `unchanged ${String(report.unchanged)}, rejected ${String(report.rejected)}\n` +
        (report.dryRun ? 'Dry run: nothing was written.\n' : ''),
    );
    return report.rejected > 0 ? exitCodes.dataError : exitCodes.ok;
  });
}
