import type { z } from 'zod';
import { ConfigError, loadConfig, type Config } from '../server/platform/config.js';
import { openRuntime, type Runtime } from '../server/runtime.js';
import { AppError } from '../shared/app-error.js';

/** Exit codes (sysexits.h where one fits). */
export const exitCodes = {
  ok: 0,
  /** The command ran and found a problem (a broken audit chain, say). */
  problem: 1,
  usage: 64,
  dataError: 65,
  software: 70,
  config: 78,
} as const;

/** A failure the CLI reports in one line and exits with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Parses a command's options with a schema; bad input is a usage error naming the option. */
export function parseOptions<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `--${issue.path.join('.') || 'input'}: ${issue.message}`,
    );
    throw new CliError(lines.join('\n'), exitCodes.usage);
  }
  return parsed.data;
}

/** Loads configuration, mapping problems to exit code 78. */
export function cliConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, exitCodes.config);
    throw error;
  }
}

/** Runs `work` with an open runtime and always closes it. */
export async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(cliConfig());
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

/** The context of a CLI action: the operator at the console, audited as `system`. */
export const cliContext = { actor: { kind: 'system' } as const, requestId: null };

/** Turns any error into a message and exit code; never prints a stack for known errors. */
export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof AppError) {
    const details = Array.isArray(error.details)
      ? error.details.map((d) => ` (${d.path.join('.')}: ${d.message})`).join('')
      : '';
    return { message: `${error.code}: ${error.message}${details}`, exitCode: exitCodes.dataError };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: `unexpected error: ${message}`, exitCode: exitCodes.software };
}
