import { Command, CommanderError } from 'commander';
import { describeFailure, exitCodes } from './cli-support.js';
import {
  migrateCommand,
  orgAddCommand,
  tokenCreateCommand,
  userAddCommand,
  userResetPasswordCommand,
} from './commands/admin-commands.js';
import {
  auditVerifyCommand,
  backupCommand,
  keysRotateCommand,
  restoreCommand,
} from './commands/ops-commands.js';
import { exportCommand, importCommand } from './commands/case-file-commands.js';
import { exportGlotipCommand, importGlotipCommand } from './commands/glotip-file-commands.js';
import { importPopulationCommand } from './commands/population-commands.js';
import { serveCommand } from './commands/serve-command.js';
import { vigilVersion } from './version.js';

let exitCode: number = exitCodes.ok;

const program = new Command('vigil')
  .description(
    'Vigil: counter-trafficking data system. Configuration comes from the environment (see README).',
  )
  .version(vigilVersion)
  .exitOverride()
  .showHelpAfterError();

program.command('serve').description('Migrate and serve the API on HOST:PORT').action(serveCommand);
program.command('migrate').description('Apply pending database migrations').action(migrateCommand);

const org = program.command('org').description('Manage organisations');
org
  .command('add')
  .description('Add an organisation (reporting entity)')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--slug <slug>', 'short unique name (lower-case, digits, hyphens)')
  .requiredOption(
    '--type <type>',
    'un_mission | un_entity | member_state | ngo | international_org | other',
  )
  .option('--country <ISO3>', 'ISO 3166-1 alpha-3 country code')
  .option('--parent <slug>', 'parent organisation')
  .option('--require-2fa', 'members must use two-factor authentication')
  .action(orgAddCommand);

const user = program.command('user').description('Manage users');
user
  .command('add')
  .description('Add a user with a role in an organisation; password from VIGIL_USER_PASSWORD')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--org <slug>', 'organisation')
  .requiredOption('--role <role>', 'role name, e.g. caseworker')
  .option('--language <code>', 'ar | zh | en | fr | ru | es', 'en')
  .option('--system-admin', 'administer the whole installation')
  .action(userAddCommand);
user
  .command('reset-password')
  .description("Set a user's password from VIGIL_USER_PASSWORD and end their sessions")
  .requiredOption('--email <email>', 'sign-in email')
  .action(userResetPasswordCommand);

program
  .command('token')
  .description('Manage API tokens')
  .command('create')
  .description('Create an API token for a user; the secret is printed once')
  .requiredOption('--email <email>', 'owner')
  .requiredOption('--org <slug>', 'organisation the token is scoped to')
  .requiredOption('--name <name>', 'what the token is for')
  .requiredOption('--verbs <list>', 'comma-separated permission verbs, e.g. case.read,case.create')
  .option('--days <n>', 'days until it expires', '90')
  .action(tokenCreateCommand);

program
  .command('audit')
  .description('Audit log')
  .command('verify')
  .description('Verify the hash chain; exit 0 when intact, 1 naming the first bad entry')
  .action(async () => {
    exitCode = await auditVerifyCommand();
  });

program
  .command('keys')
  .description('Master key')
  .command('rotate')
  .description(
    'Re-wrap every data key under a new master key (VIGIL_NEW_MASTER_KEY when VIGIL_MASTER_KEY is used)',
  )
  .action(keysRotateCommand);

const importer = program
  .command('import')
  .description('Import case files, GLOTIP data and population figures');
for (const [format, what] of [
  ['ctdc', 'a CTDC file (global dataset, `;`-delimited, or synthetic v2024/v2025)'],
  ['htcds', 'an HTCDS 2.0 toolkit template (.xlsx or .csv)'],
] as const) {
  importer
    .command(`${format} <file>`)
    .description(`Import ${what} into an organisation`)
    .requiredOption('--org <slug>', 'organisation that will hold the cases')
    .option('--dry-run', 'check every row and report, writing nothing')
    .action(async (file: string, options: unknown) => {
      exitCode = await importCommand(format)(file, options);
    });
}

importer
  .command('glotip <file>')
  .description('Import a dataUNODC GLOTIP export (.xlsx or .csv) into published returns')
  .option('--dry-run', 'check every row and report, writing nothing')
  .action(async (file: string, options: unknown) => {
    exitCode = await importGlotipCommand(file, options);
  });

importer
  .command('population <file>')
  .description('Import population figures (CSV: country,year,population[,source]) for rates')
  .option('--dry-run', 'check every row and report, writing nothing')
  .action(async (file: string, options: unknown) => {
    exitCode = await importPopulationCommand(file, options);
  });

const exporter = program.command('export').description('Export records and returns');
exporter
  .command('glotip')
  .description('Write GLOTIP returns as dataUNODC CSV/XLSX, SDMX-CSV (SDG 16.2.2) or HXL')
  .requiredOption('--format <format>', 'csv | xlsx | sdmx-csv | hxl')
  .requiredOption('--out <file>', 'file to write (created with mode 0600)')
  .option('--year <year>', 'only this reporting year')
  .option('--country <iso3>', 'only this country (ISO 3166-1 alpha-3)')
  .option('--status <list>', 'statuses to include (default accepted,approved,published)')
  .action(exportGlotipCommand);
exporter
  .command('cases')
  .description("Write an organisation's cases in a record-level format (consent is enforced)")
  .requiredOption('--org <slug>', 'organisation whose cases are exported')
  .requiredOption('--format <format>', 'ctdc | ctdc-k-anonymised | htcds-csv | htcds-xlsx')
  .requiredOption('--out <file>', 'file to write (created with mode 0600)')
  .option('--override-reason <text>', 'export cases without sharing consent too, for this reason')
  .option('--k <n>', 'ctdc-k-anonymised: each quasi-identifier combination occurs ≥ k times (11)')
  .action(exportCommand);

program
  .command('backup <file>')
  .description('Write a backup (SQLite online backup, or pg_dump for PostgreSQL)')
  .action(backupCommand);
program
  .command('restore <file>')
  .description('Replace the database with a backup; stop the server first')
  .action(restoreCommand);

try {
  await program.parseAsync(process.argv);
  // `serve` keeps running; every other command ends here with its exit code.
  if (process.argv[2] !== 'serve' && process.argv.length > 2) process.exitCode = exitCode;
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; usage mistakes exit 64 after commander printed the reason.
    process.exitCode = error.exitCode === 0 ? 0 : exitCodes.usage;
  } else {
    const { message, exitCode: code } = describeFailure(error);
    process.stderr.write(`vigil: ${message}\n`);
    process.exitCode = code;
  }
}
