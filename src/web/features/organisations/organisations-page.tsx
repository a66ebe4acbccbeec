import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../api/endpoints.js';
import { useOrganisations } from '../../api/queries.js';
import { PageHeader } from '../../components/page-header.js';
import { Skeleton } from '../../components/skeleton.js';
import { errorText } from '../../i18n/error-text.js';
import { organisationsWhere } from '../../session/permissions.js';
import { useSession } from '../../session/session-context.js';
import { OrganisationDialog } from './organisation-dialog.js';
import { OrganisationTree } from './organisation-tree.js';

type DialogState = { kind: 'closed' } | { kind: 'create' } | { kind: 'edit'; org: Organisation };

/** The organisation hierarchy, with create and edit where the user may. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const query = useOrganisations();
  const [dialog, setDialog] = useState<DialogState>({ kind: 'closed' });
  const organisations = query.data ?? [];
  const editable = new Set(
    organisationsWhere(session.me, 'org.update', organisations).map((org) => org.id),
  );
  const canCreate =
    session.can('org.create') &&
    (session.isSystemAdmin ||
      organisationsWhere(session.me, 'org.create', organisations).length > 0);

  let content;
  if (query.isPending) {
    content = <Skeleton lines={5} />;
  } else if (query.isError) {
    content = (
      <div className="alert alert-error" role="alert">
        <p>{errorText(query.error)}</p>
        <button type="button" className="button" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  } else if (organisations.length === 0) {
    content = <p className="empty">{t('organisations.empty')}</p>;
  } else {
    content = (
      <OrganisationTree
        organisations={organisations}
        canEdit={(org) => editable.has(org.id)}
        onEdit={(org) => {
          setDialog({ kind: 'edit', org });
        }}
      />
    );
  }

  return (
    <>
      <PageHeader
        title={t('organisations.title')}
        description={t('organisations.description')}
        actions={
          canCreate && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setDialog({ kind: 'create' });
              }}
              data-testid="org-create"
            >
              {t('organisations.new')}
            </button>
          )
        }
      />
      <section aria-label={t('organisations.hierarchy')}>{content}</section>
      <OrganisationDialog
        open={dialog.kind !== 'closed'}
        editing={dialog.kind === 'edit' ? dialog.org : null}
        organisations={organisations}
        onClose={() => {
          setDialog({ kind: 'closed' });
        }}
      />
    </>
  );
}
