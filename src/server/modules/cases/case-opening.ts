import { isAppError } from '../../../shared/app-error.js';
import type { CaseRecord } from '../../../shared/case-schemas.js';
import { victimIdentitySchema } from '../../../shared/case-schemas.js';
import type { Executor } from '../../platform/db/database.js';
import type { VaultService } from '../vault/index.js';
import { decodeChild, openIdentity } from './case-codec.js';
import {
  childKinds,
  type ChildKind,
  type LoadedCase,
  type OpenedCase,
  type StoredCase,
} from './case-model.js';
import { listCasesOfOrganisation, listChildren } from './case-repo.js';

// Opening a loaded case: its children read, and its sealed fields opened only for the full
// view of a case not forgotten. Authorizing and auditing the read is the caller's part.

/** Opens cases under the vault's keys. */
export function caseOpener(vault: Pick<VaultService, 'cipherFor'>) {
  const open = async (db: Executor, loaded: LoadedCase): Promise<OpenedCase> => {
    const { stored, view } = loaded;
    const cipher =
      view === 'full' && stored.forgottenAt === null
        ? await vault.cipherFor(db, stored.dataKeyId)
        : null;
    const children = {} as Record<ChildKind, unknown[]>;
    for (const kind of Object.keys(childKinds) as ChildKind[]) {
      const rows = await listChildren(db, kind, stored.id);
      children[kind] = rows.map((row) => decodeChild(cipher, kind, row));
    }
    return {
      stored,
      organisationPath: loaded.organisationPath,
      view,
      breakGlass: loaded.breakGlass,
      identity: cipher === null ? null : openIdentity(cipher, stored.id, stored.identitySealed),
      perpetrators: children.perpetrators as OpenedCase['perpetrators'],
      events: children.events as OpenedCase['events'],
      supportPlans: children.supportPlans as OpenedCase['supportPlans'],
    };
  };

  /** Whole records of an organisation's cases, forgotten ones left out (record-level exports). */
  const recordsOf = async (
    db: Executor,
    organisationId: string,
    withIdentity: boolean,
  ): Promise<{ stored: StoredCase; record: CaseRecord }[]> => {
    const out: { stored: StoredCase; record: CaseRecord }[] = [];
    for (const stored of await listCasesOfOrganisation(db, organisationId)) {
      if (stored.forgottenAt !== null) continue;
      let opened: OpenedCase;
      try {
        opened = await open(db, {
          stored,
          organisationPath: [],
          view: withIdentity ? 'full' : 'analytic',
          breakGlass: false,
        });
      } catch (error) {
        // Forgotten since the list was read (PostgreSQL reads each statement afresh): left out.
        if (isAppError(error, 'crypto.key_shredded')) continue;
        throw error;
      }
      out.push({
        stored,
        record: {
          caseNumber: stored.caseNumber,
          status: stored.status,
          registrationYear: stored.registrationYear,
          registeredOn: stored.registeredOn,
          dataSource: stored.dataSource,
          victim: {
            ...stored.victim,
            identity: opened.identity ?? victimIdentitySchema.parse({}),
          },
          perpetrators: opened.perpetrators,
          events: opened.events,
          supportPlans: opened.supportPlans,
        },
      });
    }
    return out;
  };

  return { open, recordsOf };
}
