import {
  glotipImportBodySchema,
  glotipImportMaxBytes,
  glotipImportReportSchema,
  type GlotipImportReportView,
} from '../../../shared/glotip-import-schemas.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf } from '../access/index.js';
import type { GlotipImportReport, GlotipImportService } from './glotip-import-service.js';

/** Allow-list of the report: inconsistencies by place and lines, not by cell internals. */
function presentReport(report: GlotipImportReport): GlotipImportReportView {
  return {
    dryRun: report.dryRun,
    outcomes: report.outcomes,
    rejections: report.rejections.map(({ line, column, value, reason }) => ({
      line,
      column,
      value,
      reason,
    })),
    inconsistencies: report.inconsistencies.map((flag) => ({
      iso3: flag.iso3,
      year: flag.year,
      indicator: flag.indicator,
      breakdown: flag.breakdown,
      problem: flag.problem,
      lines: [...flag.lines],
    })),
    returns: report.returns,
    organisationsCreated: report.organisationsCreated,
  };
}

/** `POST /api/glotip-imports`: a dataUNODC export, dry run by default; system admins only. */
export function registerGlotipImportRoutes(app: HttpApp, imports: GlotipImportService): void {
  app.post(
    '/api/glotip-imports',
    {
      bodyLimit: Math.ceil((glotipImportMaxBytes * 4) / 3) + 4096,
      schema: {
        tags: ['imports'],
        body: glotipImportBodySchema,
        response: { 200: glotipImportReportSchema },
      },
    },
    async (request) => {
      const body = request.body;
      const report = await imports.run(contextOf(request), {
        format: body.format,
        dryRun: body.dryRun,
        content: Buffer.from(body.content, 'base64'),
      });
      return presentReport(report);
    },
  );
}
