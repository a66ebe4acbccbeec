import type { CaseImportFormat } from '../../../shared/case-schemas.js';
import type { ImportRejection } from '../../../shared/import-schemas.js';

/** A stored import job. */
export interface ImportJobRecord {
  id: string;
  organisationId: string;
  format: string;
  fileHash: string;
  dryRun: boolean;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  totalRows: number;
  processedRows: number;
  importedRows: number;
  duplicateRows: number;
  rejectedRows: number;
  dataKeyId: string | null;
  reportSealed: string | null;
  errorCode: string | null;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** When the process running it last said it was alive; stays in the server. */
  heartbeatAt: string | null;
}

/** A job as services return it: the rejection report opened. */
export interface ImportJobView extends ImportJobRecord {
  rejections: ImportRejection[];
  alreadyImported: boolean;
}

/** What starting an import needs. */
export interface ImportRequest {
  organisationId: string;
  format: CaseImportFormat | undefined;
  content: Buffer;
  dryRun: boolean;
}

/** Progress of a running import: rows handled so far out of all data rows. */
export type ImportProgress = (processed: number, total: number) => void;

/** Knobs for tests and benchmarks; production uses the defaults. */
export interface ImportTuning {
  /** Valid rows written per transaction. A failure rolls back its whole batch. */
  batchSize: number;
  /**
   * Worker threads that parse and seal batches while this thread writes (0: none, all in this
   * thread). Default: the cores beside the main thread, at most 3.
   */
  workers: number;
  /** Imports of fewer rows than this run in this thread (a worker takes time to start). */
  workerMinRows: number;
  /** Imports run at once by this process (they share one database writer). */
  running: number;
  /** Imports that may wait for their turn; more are refused (`import.busy`). */
  waiting: number;
  /** How often a waiting or running job's heartbeat is stamped (ms). */
  heartbeatMs: number;
  /** Called inside each batch's transaction after its rows are written (fault injection). */
  afterBatchWrite?: (batch: number) => void;
  /** Awaited before each batch's transaction (tests: a write by someone else in between). */
  beforeBatch?: (batch: number) => Promise<void>;
  /** Awaited when a job's turn comes, before it starts (holds a job, in tests). */
  beforeRun?: (jobId: string) => Promise<void>;
}

/**
 * A queued or running job without a heartbeat for this long is taken as interrupted: its
 * process stopped. Four heartbeats, so a busy moment never makes a live job look stopped.
 */
export const importStaleAfterMs = 120_000;
