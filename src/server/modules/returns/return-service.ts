import { createReturnCellService, type ReturnCellService } from './return-cell-service.js';
import { createReturnInsightService, type ReturnInsightService } from './return-insight-service.js';
import { createReturnKit, type ReturnDeps } from './return-kit.js';
import { createReturnReadService, type ReturnReadService } from './return-read-service.js';
import { createReturnSystemService, type ReturnSystemService } from './return-system-service.js';
import {
  createReturnWorkflowService,
  type ReturnWorkflowService,
} from './return-workflow-service.js';

/**
 * GLOTIP returns: reading, cell writes, the approval workflow, system writes (derivation and
 * dataUNODC imports), completeness and the statistics query. Each half lives in its own file;
 * this is their union, built once by the composition root.
 */
export type ReturnService = ReturnReadService &
  ReturnCellService &
  ReturnWorkflowService &
  ReturnSystemService &
  ReturnInsightService;

/** Builds the returns service over a database, the audit log and a clock. */
export function createReturnService(deps: ReturnDeps): ReturnService {
  const kit = createReturnKit(deps);
  return {
    ...createReturnReadService(kit),
    ...createReturnCellService(kit),
    ...createReturnWorkflowService(kit),
    ...createReturnSystemService(kit),
    ...createReturnInsightService(kit),
  };
}
