import { z } from 'zod';
import { idSchema } from '../../../shared/common-schemas.js';
import {
  importBodySchema,
  importJobSchema,
  importMaxBytes,
} from '../../../shared/import-schemas.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf } from '../access/index.js';
import type { ImportJobView } from './import-model.js';
import type { ImportService } from './import-service.js';

const tags = ['imports'];

/** Allow-list of a job: never the file hash or the key id. */
function presentJob(job: ImportJobView): z.output<typeof importJobSchema> {
  return {
    id: job.id,
    organisationId: job.organisationId,
    format: job.format,
    dryRun: job.dryRun,
    status: job.status,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    importedRows: job.importedRows,
    duplicateRows: job.duplicateRows,
    rejectedRows: job.rejectedRows,
    alreadyImported: job.alreadyImported,
    errorCode: job.errorCode,
    rejections: job.rejections,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

/** `/api/imports`: case files (CTDC, HTCDS) imported as background jobs with progress. */
export function registerImportRoutes(app: HttpApp, imports: ImportService): void {
  app.post(
    '/api/imports',
    {
      // Base64 in JSON: a third larger than the file, plus the envelope.
      bodyLimit: Math.ceil((importMaxBytes * 4) / 3) + 4096,
      schema: {
        tags,
        body: importBodySchema,
        response: { 202: importJobSchema, 200: importJobSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const job = await imports.start(contextOf(request), {
        organisationId: body.organisationId,
        format: body.format,
        dryRun: body.dryRun,
        content: Buffer.from(body.content, 'base64'),
      });
      return reply.status(job.alreadyImported ? 200 : 202).send(presentJob(job));
    },
  );
  app.get(
    '/api/imports',
    { schema: { tags, response: { 200: z.object({ items: z.array(importJobSchema) }) } } },
    async (request) => ({ items: (await imports.list(contextOf(request))).map(presentJob) }),
  );
  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags,
        params: z.strictObject({ id: idSchema }),
        response: { 200: importJobSchema },
      },
    },
    async (request) => presentJob(await imports.get(contextOf(request), request.params.id)),
  );
}
