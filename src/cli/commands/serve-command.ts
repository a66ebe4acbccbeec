import { fileURLToPath } from 'node:url';
import { createHttpApp } from '../../server/app.js';
import { fileExists } from '../../server/platform/files.js';
import { ensureFirstStart } from '../../server/first-start.js';
import { createLogger } from '../../server/platform/logger.js';
import { openRuntime } from '../../server/runtime.js';
import { cliConfig } from '../cli-support.js';
import { vigilVersion } from '../version.js';

// The compiled CLI lives in dist/cli/commands; the web build in dist/web.
const webRoot = fileURLToPath(new URL('../../web', import.meta.url));

/** `vigil serve`: migrate, create the first administrator if needed, serve until signalled. */
export async function serveCommand(): Promise<void> {
  const config = cliConfig();
  const logger = createLogger(config.logLevel);
  const runtime = await openRuntime(config);
  const first = await ensureFirstStart(runtime.services, config);
  if (first.generatedPassword !== undefined) {
    // Printed once to the console (not the log): the operator copies it and changes it.
    process.stdout.write(
      `\nFirst start: administrator ${first.adminEmail ?? ''} created with password\n\n    ${first.generatedPassword}\n\nSign in and change it. It is not shown again.\n\n`,
    );
  }
  if (first.demoCases !== undefined && first.demoCases > 0) {
    logger.info(
      { cases: first.demoCases },
      'synthetic demo content added (VIGIL_DEMO=off skips it)',
    );
  }
  if (runtime.strandedKeys.size > 0) {
    logger.error(
      { keysByMasterKey: Object.fromEntries(runtime.strandedKeys) },
      'data keys wrapped under another master key: the records they seal cannot be opened. Stop Vigil, then run `vigil keys rotate` with that key as VIGIL_MASTER_KEY and this one as VIGIL_NEW_MASTER_KEY',
    );
  }
  if (runtime.interruptedImports > 0) {
    logger.warn(
      { imports: runtime.interruptedImports },
      'imports left unfinished when Vigil last stopped: recorded as interrupted (import the files again)',
    );
  }
  const { rewritten, failed } = runtime.reportRewrite;
  if (rewritten > 0) {
    logger.info({ reports: rewritten }, 'older import reports rewritten without identifying cells');
  }
  if (failed.length > 0) {
    logger.warn(
      { failed },
      'import reports that could not be opened to be rewritten: left as stored, tried again at the next start',
    );
  }
  const app = await createHttpApp(runtime.services, logger, {
    version: vigilVersion,
    secure: config.secure,
    trustProxy: config.trustProxy,
    bodyLimitBytes: config.bodyLimitBytes,
    rateLimitPerMinute: config.rateLimitPerMinute,
    session: config.session,
    webRoot: fileExists(webRoot) ? webRoot : null,
  });
  if (!fileExists(webRoot)) logger.warn('web application not built: serving the API only');
  const address = await app.listen({ port: config.port, host: config.host });
  logger.info({ address, database: runtime.database.dialect.kind }, 'Vigil is listening');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    void app
      .close()
      .then(() => runtime.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => {
    stop('SIGTERM');
  });
  process.once('SIGINT', () => {
    stop('SIGINT');
  });
}
