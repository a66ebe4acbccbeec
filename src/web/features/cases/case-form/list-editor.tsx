import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a list editor's item form gets: its path for errors, its position, and how to change it. */
export interface ListItemForm<T> {
  item: T;
  index: number;
  /** `<field>.<index>`: the prefix of the item's fields in error paths. */
  path: string;
  change: (patch: Partial<T>) => void;
}

/**
 * A list of repeated records on one step (perpetrators, events): each item in its own titled
 * section with a remove button, an add button up to `max` items, and a line when there is none.
 * Test ids: `<testIdPrefix>-<index>-remove` and `<testIdPrefix>-add`.
 */
export function ListEditor<T extends { key: number }>({
  field,
  items,
  onItems,
  newItem,
  max,
  testIdPrefix,
  titleOf,
  emptyText,
  addLabel,
  renderItem,
}: {
  field: string;
  items: readonly T[];
  onItems: (items: T[]) => void;
  newItem: () => T;
  max: number;
  testIdPrefix: string;
  titleOf: (n: number) => string;
  emptyText: string;
  addLabel: string;
  renderItem: (form: ListItemForm<T>) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {items.length === 0 && <p className="empty">{emptyText}</p>}
      {items.map((item, index) => {
        const title = titleOf(index + 1);
        const change = (patch: Partial<T>) => {
          onItems(items.map((other, at) => (at === index ? { ...other, ...patch } : other)));
        };
        return (
          <section key={item.key} className="item" aria-label={title}>
            <div className="item-header">
              <h3 className="item-title">{title}</h3>
              <button
                type="button"
                className="button button-small button-danger-quiet"
                onClick={() => {
                  onItems(items.filter((_, at) => at !== index));
                }}
                data-testid={`${testIdPrefix}-${String(index)}-remove`}
              >
                {t('cases.form.remove')}
              </button>
            </div>
            {renderItem({ item, index, path: `${field}.${String(index)}`, change })}
          </section>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() => {
          onItems([...items, newItem()]);
        }}
        disabled={items.length >= max}
        data-testid={`${testIdPrefix}-add`}
      >
        {addLabel}
      </button>
    </>
  );
}
