import { createKeyring, type Keyring } from './platform/crypto/index.js';
import type { Database, Executor } from './platform/db/database.js';
import {
  createHttpShell,
  registerCacheableRoutes,
  type HttpApp,
} from './platform/http/app-factory.js';
import type { Logger } from './platform/logger.js';
import {
  createAuditService,
  registerAuditRoutes,
  type AuditService,
} from './modules/audit/index.js';
import {
  createAccountService,
  createLoginService,
  createSessionService,
  registerAuthHook,
  registerAuthRoutes,
  type AccountService,
  type LoginService,
  type SessionService,
} from './modules/auth/index.js';
import { registerHealthRoutes } from './modules/health/index.js';
import {
  createOrganisationService,
  registerOrganisationRoutes,
  type OrganisationService,
} from './modules/organisations/index.js';
import { createRoleService, registerRoleRoutes, type RoleService } from './modules/roles/index.js';
import {
  createTokenService,
  registerTokenRoutes,
  type TokenService,
} from './modules/tokens/index.js';
import { createUserService, registerUserRoutes, type UserService } from './modules/users/index.js';
import { createVaultService, type VaultService } from './modules/vault/index.js';
import {
  createCaseService,
  createConsentService,
  createDerivationFactsService,
  createCrisisService,
  createSafeguardService,
  createScreeningService,
  registerCaseRoutes,
  registerScreeningRoutes,
  registerCrisisRoutes,
  type CaseService,
  type ConsentService,
  type CrisisService,
  type DerivationFactsService,
  type SafeguardService,
  type ScreeningService,
} from './modules/cases/index.js';
import {
  createNotificationService,
  registerNotificationRoutes,
  type NotificationService,
} from './modules/notifications/index.js';
import {
  createExportService,
  createImportService,
  registerImportRoutes,
  type ExportService,
  type ImportService,
} from './modules/case-files/index.js';
import {
  createCaseCube,
  createStatsService,
  registerStatsRoutes,
  type CaseCube,
  type StatsService,
} from './modules/stats/index.js';
import {
  createReferralService,
  registerReferralRoutes,
  type ReferralService,
} from './modules/referrals/index.js';
import {
  createDerivationService,
  registerDerivationRoutes,
  type DerivationService,
} from './modules/derivation/index.js';
import {
  createGlotipExportService,
  createGlotipImportService,
  registerGlotipImportRoutes,
  type GlotipExportService,
  type GlotipImportService,
} from './modules/glotip-files/index.js';
import {
  createPublicationService,
  registerPublicRoutes,
  type PublicationService,
} from './modules/publication/index.js';
import {
  createPopulationService,
  registerPopulationRoutes,
  type PopulationService,
} from './modules/populations/index.js';
import {
  createReturnService,
  registerGlotipRoutes,
  registerReturnRoutes,
  type ReturnService,
} from './modules/returns/index.js';

/** Settings the services need (a subset of Config, so tests can build services directly). */
export interface ServiceSettings {
  session: { idleMinutes: number; maxHours: number };
}

/** Every service, wired once. Routes and the CLI use these; nothing else builds them. */
export interface Services {
  database: Database;
  keyring: Keyring;
  now: () => Date;
  audit: AuditService;
  vault: VaultService;
  organisations: OrganisationService;
  roles: RoleService;
  users: UserService;
  tokens: TokenService;
  sessions: SessionService;
  login: LoginService;
  account: AccountService;
  notifications: NotificationService;
  cases: CaseService;
  consents: ConsentService;
  safeguards: SafeguardService;
  screenings: ScreeningService;
  crises: CrisisService;
  derivationFacts: DerivationFactsService;
  referrals: ReferralService;
  cube: CaseCube;
  stats: StatsService;
  imports: ImportService;
  exports: ExportService;
  returns: ReturnService;
  populations: PopulationService;
  publication: PublicationService;
  glotipImports: GlotipImportService;
  glotipExports: GlotipExportService;
  derivation: DerivationService;
}

/** The composition root: builds services over a database, a master key and a clock. */
export function createServices(
  database: Database,
  masterKeyBase64: string,
  settings: ServiceSettings,
  now: () => Date = () => new Date(),
): Services {
  const keyring = createKeyring(masterKeyBase64);
  const audit = createAuditService(database.dialect, now);
  const vault = createVaultService(keyring, now, database.insertRows);
  const organisations = createOrganisationService({ database, audit, now });
  const roles = createRoleService({ database, audit, now });
  const users = createUserService({ database, audit, organisations, roles, now });
  const tokens = createTokenService({ database, audit, organisations, now });
  const sessions = createSessionService({
    database,
    users,
    tokens,
    now,
    idleMinutes: settings.session.idleMinutes,
    maxHours: settings.session.maxHours,
  });
  const login = createLoginService({
    database,
    audit,
    users,
    sessions,
    vault,
    throttleKey: keyring.keyedHash('login-throttle'),
    now,
  });
  const account = createAccountService({ database, audit, users, sessions, vault, now });
  const organisationPath = async (db: Executor, id: string) =>
    (await organisations.load(db, id)).path;
  const notifications = createNotificationService({ database, now });
  const cube = createCaseCube({ database, now });
  const cases = createCaseService({
    database,
    audit,
    vault,
    organisationPath,
    submissionKey: keyring.keyedHash('case-submission'),
    now,
    afterCaseRowsWritten: cube.recordCaseChanges,
  });
  const stats = createStatsService({ database, audit, cube });
  const consents = createConsentService({
    database,
    audit,
    cases,
    now,
    submissionKey: keyring.keyedHash('consent-submission'),
  });
  const safeguards = createSafeguardService({
    database,
    audit,
    vault,
    notifications,
    loadLockedFor: cases.loadLockedFor,
    now,
  });
  const screenings = createScreeningService({
    database,
    audit,
    cases,
    now,
    submissionKey: keyring.keyedHash('screening-submission'),
  });
  const crises = createCrisisService({ database, audit, now });
  const derivationFacts = createDerivationFactsService({ database, audit });
  const referrals = createReferralService({
    database,
    audit,
    vault,
    cases,
    consents,
    organisationPath,
    submissionKey: keyring.keyedHash('referral-submission'),
    providerSubmissionKey: keyring.keyedHash('provider-submission'),
    now,
  });
  const imports = createImportService({
    database,
    audit,
    vault,
    cases,
    organisationPath,
    rowKey: keyring.keyedHash('case-import-row'),
    now,
  });
  const exports = createExportService({ database, audit, cases, consents, organisationPath });
  const returns = createReturnService({ database, audit, now });
  const populations = createPopulationService({ database, audit, now });
  const publication = createPublicationService({ returns, populations, clock: now });
  const glotipImports = createGlotipImportService({ database, organisations, returns });
  const glotipExports = createGlotipExportService({ database, audit, returns, populations });
  const derivation = createDerivationService({ facts: derivationFacts, returns });
  return {
    database,
    keyring,
    now,
    audit,
    vault,
    organisations,
    roles,
    users,
    tokens,
    sessions,
    login,
    account,
    notifications,
    cases,
    consents,
    safeguards,
    screenings,
    crises,
    derivationFacts,
    referrals,
    cube,
    stats,
    imports,
    exports,
    returns,
    populations,
    publication,
    glotipImports,
    glotipExports,
    derivation,
  };
}

/** HTTP settings of the app. */
export interface HttpSettings {
  version: string;
  secure: boolean;
  trustProxy: boolean;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  session: { maxHours: number };
  /** Folder of the built web application; null serves the API only. */
  webRoot?: string | null;
}

/** Builds the HTTP application over the services. */
export async function createHttpApp(
  services: Services,
  logger: Logger,
  settings: HttpSettings,
): Promise<HttpApp> {
  const app = await createHttpShell({ logger, ...settings, webRoot: settings.webRoot ?? null });
  registerAuthHook(app, services.sessions);
  registerHealthRoutes(app, {
    databaseKind: services.database.dialect.kind,
    ping: services.database.ping,
    version: settings.version,
  });
  registerAuthRoutes(app, {
    login: services.login,
    account: services.account,
    secure: settings.secure,
    maxHours: settings.session.maxHours,
  });
  registerOrganisationRoutes(app, services.organisations);
  registerUserRoutes(app, services.users);
  registerRoleRoutes(app, services.roles);
  registerTokenRoutes(app, services.tokens);
  registerNotificationRoutes(app, services.notifications);
  registerCaseRoutes(app, services);
  registerCrisisRoutes(app, services.crises);
  registerScreeningRoutes(app, services.screenings);
  registerReferralRoutes(app, services.referrals);
  registerImportRoutes(app, services.imports);
  registerReturnRoutes(app, services.returns);
  registerGlotipRoutes(app, services.returns);
  await registerCacheableRoutes(app, (scope) => {
    registerPublicRoutes(scope, services.publication);
  });
  registerPopulationRoutes(app, services.populations);
  registerGlotipImportRoutes(app, services.glotipImports);
  registerDerivationRoutes(app, services.derivation);
  registerStatsRoutes(app, services.stats);
  const db = services.database.db;
  registerAuditRoutes(app, {
    query: (filter) => services.audit.query(db, filter),
    verify: () => services.audit.verify(db),
    organisationPath: async (id) => (await services.organisations.load(db, id)).path,
  });
  await app.ready();
  return app;
}
