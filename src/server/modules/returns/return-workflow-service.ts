import {
  submissionCheck,
  validateReturn,
  violationMessage,
  type RuleViolation,
} from '../../../core/glotip/index.js';
import { AppError } from '../../../shared/app-error.js';
import type { ReturnStatus } from '../../../shared/glotip-vocabulary.js';
import type { ReturnAction } from '../../../shared/return-schemas.js';
import type { Executor } from '../../platform/db/database.js';
import type { RequestContext } from '../access/index.js';
import { listCells } from './return-cell-repo.js';
import type { ReturnKit } from './return-kit.js';
import type { StoredReturn } from './return-model.js';
import { actionLevel, authorizeAction, personOf } from './return-policy.js';
import { replaceWarningComments } from './return-history-repo.js';
import { updateReturn } from './return-repo.js';

/** The workflow steps of a return (decision 0005). */
export interface ReturnWorkflowService {
  /** Submits to the next level; refused while a critical rule fails or a warning lacks a comment. */
  submit: (
    ctx: RequestContext,
    id: string,
    warningComments: Readonly<Record<string, string>>,
  ) => Promise<StoredReturn>;
  /** Sends a submitted return back to its entity with a comment. */
  sendBack: (ctx: RequestContext, id: string, comment: string) => Promise<StoredReturn>;
  /** Accepts a submitted return at the first level: locks it and seals its version. */
  accept: (ctx: RequestContext, id: string, comment?: string) => Promise<StoredReturn>;
  /** Approves an accepted return at the next level (never by its acceptor). */
  approve: (ctx: RequestContext, id: string, comment?: string) => Promise<StoredReturn>;
  /** Publishes an approved return. */
  publish: (ctx: RequestContext, id: string, comment?: string) => Promise<StoredReturn>;
  /** Unlocks a locked return as a new draft version; the reason is kept in its history. */
  reopen: (ctx: RequestContext, id: string, reason: string) => Promise<StoredReturn>;
}

const targetStatus: Record<Exclude<ReturnAction, 'edit'>, ReturnStatus> = {
  submit: 'submitted',
  return: 'returned',
  accept: 'accepted',
  approve: 'approved',
  publish: 'published',
  reopen: 'draft',
};

/** Details of a refused submission: what failed, in the submitter's language. */
function violationDetails(violations: readonly RuleViolation[], language: string) {
  return {
    violations: violations.map((violation) => ({
      ruleId: violation.ruleId,
      importance: violation.importance,
      subject: violation.subject,
      cells: violation.cells,
      message: violationMessage(violation, language),
    })),
  };
}

/** Builds the workflow over the shared helpers. */
export function createReturnWorkflowService(kit: ReturnKit): ReturnWorkflowService {
  const { database, now } = kit;

  /** Loads, authorizes, runs `before`, moves the status, records history and audit. */
  const step = (
    ctx: RequestContext,
    id: string,
    action: Exclude<ReturnAction, 'edit'>,
    comment: string | null,
    before?: (trx: Executor, ret: StoredReturn) => Promise<void>,
  ): Promise<StoredReturn> =>
    database.db.transaction().execute(async (trx) => {
      const ret = await kit.loadForWrite(trx, ctx, id);
      authorizeAction(ctx.actor, ret, action);
      await before?.(trx, ret);
      const at = now().toISOString();
      const toStatus = targetStatus[action];
      const version = action === 'reopen' ? ret.version + 1 : ret.version;
      await updateReturn(trx, ret.id, {
        status: toStatus,
        version,
        updated_at: at,
        ...(action === 'submit' && ret.firstSubmittedAt === null ? { first_submitted_at: at } : {}),
        // The acceptor of the working version, for the four-eyes rule; a new version has none.
        ...(action === 'accept' ? { accepted_by: personOf(ctx.actor) } : {}),
        ...(action === 'reopen' || action === 'return' ? { accepted_by: null } : {}),
      });
      await kit.recordEvent(trx, ctx, ret, {
        action,
        toStatus,
        version,
        levelOrganisationId: actionLevel(ret, action).organisationId,
        comment,
      });
      await kit.recordAudit(trx, ctx, `return.${action}`, ret);
      return kit.reload(trx, ret.id);
    });

  const checkSubmission = async (
    trx: Executor,
    ctx: RequestContext,
    ret: StoredReturn,
    comments: Readonly<Record<string, string>>,
  ): Promise<void> => {
    const cells = await listCells(trx, ret.id);
    const violations = validateReturn({
      year: ret.year,
      currentYear: now().getUTCFullYear(),
      cells: cells.map(({ key, value }) => ({ key, value })),
    });
    const commented = new Set(
      Object.entries(comments)
        .filter(([, text]) => text.trim() !== '')
        .map(([subject]) => subject),
    );
    const check = submissionCheck(violations, commented);
    if (!check.canSubmit) {
      const language = await kit.languageOf(trx, ctx.actor);
      if (check.critical.length > 0) {
        throw new AppError(
          'return.critical_violations',
          violationDetails(check.critical, language),
        );
      }
      throw new AppError(
        'return.warning_comment_required',
        violationDetails(check.uncommentedWarnings, language),
      );
    }
    // Only comments on warnings that fail now are kept: they explain this submission.
    const kept = violations
      .filter((violation) => violation.importance === 'warning')
      .flatMap((violation) => {
        const text = comments[violation.subject];
        return text === undefined
          ? []
          : [{ subject: violation.subject, ruleId: violation.ruleId, comment: text.trim() }];
      });
    const unique = [...new Map(kept.map((item) => [item.subject, item])).values()];
    await replaceWarningComments(
      trx,
      ret.id,
      ret.version,
      unique,
      personOf(ctx.actor),
      now().toISOString(),
    );
  };

  return {
    submit: (ctx, id, comments) =>
      step(ctx, id, 'submit', null, (trx, ret) => checkSubmission(trx, ctx, ret, comments)),
    sendBack: (ctx, id, comment) => step(ctx, id, 'return', comment),
    accept: (ctx, id, comment) =>
      step(ctx, id, 'accept', comment ?? null, async (trx, ret) => {
        // The lock and the immutable version are one act: what was accepted is what is kept.
        await kit.seal(trx, ctx, ret.id, ret.version, 'accepted');
      }),
    approve: (ctx, id, comment) => step(ctx, id, 'approve', comment ?? null),
    publish: (ctx, id, comment) => step(ctx, id, 'publish', comment ?? null),
    reopen: (ctx, id, reason) => step(ctx, id, 'reopen', reason),
  };
}
