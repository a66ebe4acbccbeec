import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../api/endpoints.js';
import { organisationTypeLabel } from '../../i18n/labels.js';
import { countryName } from '../../i18n/country-names.js';

interface TreeProps {
  organisations: readonly Organisation[];
  canEdit: (org: Organisation) => boolean;
  onEdit: (org: Organisation) => void;
}

/** Children by parent id, each list sorted by name in the user's language. */
function childrenIndex(organisations: readonly Organisation[], language: string) {
  const ids = new Set(organisations.map((org) => org.id));
  const collator = new Intl.Collator(language);
  const index = new Map<string | null, Organisation[]>();
  for (const org of organisations) {
    // An organisation whose parent is out of the user's sight is a root for them.
    const parent = org.parentId !== null && ids.has(org.parentId) ? org.parentId : null;
    index.set(parent, [...(index.get(parent) ?? []), org]);
  }
  for (const list of index.values()) list.sort((a, b) => collator.compare(a.name, b.name));
  return index;
}

/**
 * The organisation hierarchy as nested lists with disclosure buttons: plain lists and buttons
 * are operable with any keyboard or screen reader without a custom tree widget's key map.
 */
export function OrganisationTree({ organisations, canEdit, onEdit }: TreeProps) {
  const { t, i18n } = useTranslation();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const index = childrenIndex(organisations, i18n.language);

  const toggle = (id: string) => {
    const next = new Set(collapsed);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setCollapsed(next);
  };

  const renderLevel = (parent: string | null, depth: number) => (
    <ul className={depth === 0 ? 'tree' : 'tree-children'}>
      {(index.get(parent) ?? []).map((org) => {
        const children = index.get(org.id) ?? [];
        const expanded = !collapsed.has(org.id);
        return (
          <li key={org.id} className="tree-item">
            <div className="tree-row" data-testid={`org-node-${org.slug}`}>
              {children.length > 0 ? (
                <button
                  type="button"
                  className="button button-icon tree-toggle"
                  aria-expanded={expanded}
                  onClick={() => {
                    toggle(org.id);
                  }}
                >
                  <span aria-hidden="true" className="chevron">
                    ▸
                  </span>
                  <span className="visually-hidden">
                    {t('organisations.showChildren', { name: org.name })}
                  </span>
                </button>
              ) : (
                <span className="tree-spacer" aria-hidden="true" />
              )}
              <div className="tree-main">
                <span className="tree-name">{org.name}</span>
                <span className="tree-meta">
                  <span className="badge">{organisationTypeLabel(org.type)}</span>
                  {org.country !== null && (
                    <span className="tree-country">{countryName(org.country, i18n.language)}</span>
                  )}
                  <span className="tree-slug" dir="ltr">
                    {org.slug}
                  </span>
                  {org.requireTwoFactor && (
                    <span className="badge badge-info">{t('organisations.twoFactorRequired')}</span>
                  )}
                </span>
              </div>
              {canEdit(org) && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    onEdit(org);
                  }}
                  data-testid={`org-edit-${org.slug}`}
                >
                  {t('common.edit')}
                  <span className="visually-hidden"> {org.name}</span>
                </button>
              )}
            </div>
            {children.length > 0 && expanded && renderLevel(org.id, depth + 1)}
          </li>
        );
      })}
    </ul>
  );

  return (
    <div className="tree-container">
      <div className="tree-tools">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setCollapsed(new Set());
          }}
        >
          {t('organisations.expandAll')}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setCollapsed(new Set(organisations.map((org) => org.id)));
          }}
        >
          {t('organisations.collapseAll')}
        </button>
      </div>
      {renderLevel(null, 0)}
    </div>
  );
}
