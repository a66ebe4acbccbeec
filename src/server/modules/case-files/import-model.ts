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
