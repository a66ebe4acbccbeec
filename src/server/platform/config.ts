import path from 'node:path';
import { z } from 'zod';
import { parseMasterKey } from './crypto/index.js';

/** True when the value parses as a master key (checked here so a bad one is a config error). */
function isMasterKey(value: string): boolean {
  try {
    parseMasterKey(value);
    return true;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  VIGIL_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  VIGIL_MASTER_KEY: z
    .string()
    .refine(isMasterKey, 'VIGIL_MASTER_KEY must be base64 for exactly 32 bytes')
    .optional(),
  VIGIL_ADMIN_EMAIL: z.email().optional(),
  VIGIL_ADMIN_PASSWORD: z.string().optional(),
  VIGIL_DEMO: z.enum(['on', 'off']).default('on'),
  VIGIL_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  VIGIL_PUBLIC_URL: z.url().optional(),
  VIGIL_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  VIGIL_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  VIGIL_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(168).default(12),
  VIGIL_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  VIGIL_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
});

/** Server configuration, parsed once from the environment. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  masterKeyBase64: string | null;
  admin: { email: string | null; password: string | null };
  demo: boolean;
  logLevel: z.infer<typeof envSchema>['VIGIL_LOG_LEVEL'];
  /** True when Vigil is reached over HTTPS: cookies get Secure and HSTS is sent. */
  secure: boolean;
  trustProxy: boolean;
  session: { idleMinutes: number; maxHours: number };
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
}

/** Thrown when the environment is not a valid configuration; the CLI prints it and exits 78. */
export class ConfigError extends Error {}

/** Parses configuration from environment variables; throws ConfigError naming each bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.VIGIL_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'vigil.db') },
    masterKeyBase64: e.VIGIL_MASTER_KEY ?? null,
    admin: { email: e.VIGIL_ADMIN_EMAIL ?? null, password: e.VIGIL_ADMIN_PASSWORD ?? null },
    demo: e.VIGIL_DEMO === 'on',
    logLevel: e.VIGIL_LOG_LEVEL,
    secure: e.VIGIL_PUBLIC_URL?.startsWith('https://') ?? false,
    trustProxy: e.VIGIL_TRUST_PROXY === 'true',
    session: { idleMinutes: e.VIGIL_SESSION_IDLE_MINUTES, maxHours: e.VIGIL_SESSION_MAX_HOURS },
    bodyLimitBytes: e.VIGIL_BODY_LIMIT_BYTES,
    rateLimitPerMinute: e.VIGIL_RATE_LIMIT_PER_MINUTE,
  };
}
