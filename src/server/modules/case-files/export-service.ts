import {
  cellsInOrder,
  ctdcGlobalColumns,
  kAnonymisedCtdcRelease,
  htcdsHeader,
  writeCtdcGlobalRow,
  writeHtcdsRow,
} from '../../../core/case-formats/index.js';
import type { ProtectionRecord } from '../../../core/disclosure/index.js';
import type { CaseExportFormat } from '../../../shared/case-schemas.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { writeCsv } from '../../platform/tabular/csv-file.js';
import { writeXlsx } from '../../platform/tabular/xlsx-file.js';
import { auditActorOf, authorize, can, type RequestContext } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { CaseService, ConsentService, LoadedCase } from '../cases/index.js';

/** A written export and what went into it. */
export interface CaseExport {
  content: Buffer;
  exported: number;
  /** Cases left out because the person has not consented to record-level sharing. */
  withheld: number;
  /** For a k-anonymised release: what protected it and what it cost. */
  release: CaseRelease | null;
}

/** The loss and protection of a k-anonymised release, reported with it. */
export interface CaseRelease {
  k: number;
  /** Generalisation level per quasi-identifier column (0 = as recorded). */
  levels: Readonly<Record<string, number>>;
  recordsSuppressed: number;
  suppressedRecordShare: number;
  suppressedCellShare: number;
  generalisedCellShare: number;
  /** False when no generalisation kept suppression within 5 % (the release is still safe). */
  withinBudget: boolean;
  protection: ProtectionRecord;
}

export interface ExportService {
  /**
   * Writes an organisation's cases in a record-level format. Each case needs `sharing` consent
   * in force; without it the case is withheld, unless an override reason is given by a user
   * holding `consent.override` (each override recorded and audited). Identifying fields are
   * written only for readers holding `case.read_identifying`. The export itself is audited.
   *
   * `ctdc-k-anonymised` is the CTDC layout (no identifying field) k-anonymised over its
   * quasi-identifiers (default k = 11, as CTDC's own release), with the loss reported.
   */
  exportCases: (
    ctx: RequestContext,
    organisationId: string,
    format: CaseExportFormat,
    overrideReason?: string,
    k?: number,
  ) => Promise<CaseExport>;
}

export function createExportService(deps: {
  database: Database;
  audit: AuditService;
  cases: CaseService;
  consents: ConsentService;
  organisationPath: (db: Executor, id: string) => Promise<readonly string[]>;
}): ExportService {
  const { database, audit, cases, consents } = deps;
  return {
    exportCases: (ctx, organisationId, format, overrideReason, k) =>
      database.db.transaction().execute(async (trx) => {
        const path = await deps.organisationPath(trx, organisationId);
        authorize(ctx.actor, 'case.export', { organisationPath: path });
        const identifying = can(ctx.actor, 'case.read_identifying', { organisationPath: path });
        const rows: Record<string, string>[] = [];
        let withheld = 0;
        const records = await cases.recordsOf(trx, organisationId, identifying);
        const unconsented = new Set<string>();
        for (const { stored } of records) {
          if (!(await consents.inForce(trx, stored.id, 'sharing'))) unconsented.add(stored.id);
        }
        // Before anything is written (a forget locks its case, then writes its audit entry): the
        // cases whose reasons will be sealed, locked and read again. One forgotten since it was
        // read is left out of the file, and nothing is sealed under a key being shredded.
        const live =
          overrideReason === undefined
            ? new Set<string>()
            : await cases.lockLive(trx, [...unconsented]);
        for (const { stored, record } of records) {
          if (unconsented.has(stored.id)) {
            if (overrideReason === undefined) {
              withheld += 1;
              continue;
            }
            if (!live.has(stored.id)) continue;
            const loaded: LoadedCase = {
              stored,
              organisationPath: path,
              view: 'full',
              breakGlass: false,
            };
            await consents.require(trx, ctx, loaded, 'sharing', 'case.export', overrideReason);
          }
          rows.push(
            format === 'ctdc' || format === 'ctdc-k-anonymised'
              ? writeCtdcGlobalRow(record)
              : writeHtcdsRow(record, {
                  consent: await consents.inForce(trx, stored.id, 'case_management'),
                }),
          );
        }
        await audit.record(trx, {
          actor: auditActorOf(ctx.actor),
          action: 'case.export',
          targetType: 'organisation',
          targetId: organisationId,
          organisationId,
          requestId: ctx.requestId,
        });
        if (format !== 'ctdc-k-anonymised') {
          return {
            content: await encode(format, rows),
            exported: rows.length,
            withheld,
            release: null,
          };
        }
        const released = kAnonymisedCtdcRelease(rows, k === undefined ? {} : { k });
        return {
          content: await encode(format, released.records),
          exported: released.records.length,
          withheld,
          release: {
            k: released.protection.k ?? 0,
            levels: released.levels,
            recordsSuppressed: released.recordsSuppressed,
            suppressedRecordShare: released.suppressedRecordShare,
            suppressedCellShare: released.suppressedCellShare,
            generalisedCellShare: released.generalisedCellShare,
            withinBudget: released.withinBudget,
            protection: released.protection,
          },
        };
      }),
  };
}

async function encode(
  format: CaseExportFormat,
  rows: readonly Record<string, string>[],
): Promise<Buffer> {
  switch (format) {
    case 'ctdc':
    case 'ctdc-k-anonymised':
      // The CTDC global layout: `;`-delimited, the 63 column names, no terms-of-use cell (that
      // sentence belongs to CTDC's own releases, not to a Vigil export).
      return Buffer.from(
        writeCsv(
          [[...ctdcGlobalColumns], ...rows.map((row) => cellsInOrder(ctdcGlobalColumns, row))],
          {
            delimiter: ';',
          },
        ),
      );
    case 'htcds-csv': {
      const { fields, labels } = htcdsHeader();
      return Buffer.from(
        writeCsv([fields, labels, ...rows.map((row) => cellsInOrder(fields, row))], {
          bom: true,
          escapeFormulas: true,
        }),
      );
    }
    case 'htcds-xlsx': {
      const { fields, labels } = htcdsHeader();
      return writeXlsx({
        sheetName: 'Cases',
        headerRows: [fields, labels],
        rows: rows.map((row) => cellsInOrder(fields, row)),
      });
    }
  }
}
