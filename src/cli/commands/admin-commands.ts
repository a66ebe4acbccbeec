import { z } from 'zod';
import {
  countryCodeSchema,
  emailSchema,
  languageSchema,
  nameSchema,
  slugSchema,
} from '../../shared/common-schemas.js';
import { permissionVerbs } from '../../shared/permissions.js';
import { organisationTypes } from '../../shared/vocabulary.js';
import { openDatabase } from '../../server/platform/db/database.js';
import { ensurePrivateDir } from '../../server/platform/files.js';
import {
  CliError,
  cliConfig,
  cliContext,
  exitCodes,
  parseOptions,
  withRuntime,
} from '../cli-support.js';

/** `vigil migrate`: brings the schema up to date and lists what ran. */
export async function migrateCommand(): Promise<void> {
  const config = cliConfig();
  if (config.database.kind === 'sqlite') ensurePrivateDir(config.dataDir);
  const database = openDatabase(config.database);
  try {
    const { applied } = await database.migrate();
    process.stdout.write(
      applied.length === 0
        ? 'Schema is up to date.\n'
        : `Applied ${String(applied.length)} migration(s):\n${applied.map((n) => `  ${n}\n`).join('')}`,
    );
  } finally {
    await database.close();
  }
}

const orgAddSchema = z.strictObject({
  name: nameSchema,
  slug: slugSchema,
  type: z.enum(organisationTypes),
  country: countryCodeSchema.optional(),
  parent: slugSchema.optional(),
  require2fa: z.boolean().optional(),
});

/** `vigil org add`. */
export async function orgAddCommand(options: unknown): Promise<void> {
  const input = parseOptions(orgAddSchema, options);
  await withRuntime(async ({ services }) => {
    const parent =
      input.parent === undefined
        ? null
        : await services.organisations.findBySlug(services.database.db, input.parent);
    if (parent === undefined) {
      throw new CliError(
        `--parent: no organisation with slug "${input.parent ?? ''}"`,
        exitCodes.dataError,
      );
    }
    const org = await services.organisations.create(cliContext, {
      name: input.name,
      slug: input.slug,
      type: input.type,
      country: input.country ?? null,
      parentId: parent?.id ?? null,
      requireTwoFactor: input.require2fa ?? false,
    });
    process.stdout.write(`Created organisation ${org.slug} (${org.id})\n`);
  });
}

const userAddSchema = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  org: slugSchema,
  role: z.string().min(1),
  language: languageSchema.default('en'),
  systemAdmin: z.boolean().default(false),
});

/** Reads a password from the environment (never argv: other users can read process lists). */
function passwordFromEnvironment(variable: string): string {
  const password = process.env[variable];
  if (password === undefined || password === '') {
    throw new CliError(
      `Set ${variable} to the password (it is not accepted as an argument)`,
      exitCodes.usage,
    );
  }
  return password;
}

/** `vigil user add`. */
export async function userAddCommand(options: unknown): Promise<void> {
  const input = parseOptions(userAddSchema, options);
  const password = passwordFromEnvironment('VIGIL_USER_PASSWORD');
  await withRuntime(async ({ services }) => {
    const db = services.database.db;
    const org = await services.organisations.findBySlug(db, input.org);
    if (org === undefined)
      throw new CliError(`--org: no organisation "${input.org}"`, exitCodes.dataError);
    const user = await db.transaction().execute((trx) =>
      services.users.createUnchecked(trx, cliContext, {
        email: input.email,
        displayName: input.name,
        language: input.language,
        password,
        organisationId: org.id,
        role: input.role,
        isSystemAdmin: input.systemAdmin,
      }),
    );
    process.stdout.write(`Created user ${user.email} (${user.id})\n`);
  });
}

/** `vigil user reset-password`. */
export async function userResetPasswordCommand(options: unknown): Promise<void> {
  const { email } = parseOptions(z.strictObject({ email: emailSchema }), options);
  const password = passwordFromEnvironment('VIGIL_USER_PASSWORD');
  await withRuntime(async ({ services }) => {
    const user = await services.users.findByEmail(services.database.db, email);
    if (user === undefined) throw new CliError(`--email: no user ${email}`, exitCodes.dataError);
    await services.account.resetPassword(cliContext, user.id, password);
    process.stdout.write(`Password reset for ${email}; their sessions were ended.\n`);
  });
}

const tokenCreateSchema = z.strictObject({
  email: emailSchema,
  org: slugSchema,
  name: nameSchema,
  verbs: z.array(z.enum(permissionVerbs)).min(1),
  days: z.coerce.number().int().min(1).max(366).default(90),
});

/** `vigil token create`: prints the secret once. */
export async function tokenCreateCommand(options: unknown): Promise<void> {
  const raw = options as { verbs?: string };
  const input = parseOptions(tokenCreateSchema, {
    ...(options as object),
    verbs: raw.verbs?.split(',').map((verb) => verb.trim()),
  });
  await withRuntime(async ({ services }) => {
    const db = services.database.db;
    const user = await services.users.findByEmail(db, input.email);
    if (user === undefined)
      throw new CliError(`--email: no user ${input.email}`, exitCodes.dataError);
    const org = await services.organisations.findBySlug(db, input.org);
    if (org === undefined)
      throw new CliError(`--org: no organisation "${input.org}"`, exitCodes.dataError);
    const { token, secret } = await db.transaction().execute((trx) =>
      services.tokens.createFor(trx, cliContext, user.id, {
        name: input.name,
        organisationId: org.id,
        verbs: input.verbs,
        expiresInDays: input.days,
      }),
    );
    process.stdout.write(
      `Token ${token.id} expires ${token.expiresAt}. Secret (shown once):\n${secret}\n`,
    );
  });
}
