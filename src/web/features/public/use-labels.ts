import { useCallback } from 'react';
import type { LabelOf } from './chart-data.js';
import { columnMessageKey, valueMessageKey } from './public-labels.js';
import { usePublicTranslation } from './public-i18n.js';

/** Column headers and dimension values in the reader's language (unknown ones as they came). */
export function useLabels(): { labelOf: LabelOf; columnLabel: (column: string) => string } {
  const { t } = usePublicTranslation();
  const labelOf = useCallback<LabelOf>(
    (_column, value) => {
      const key = valueMessageKey(value);
      return key === null ? value : t(key);
    },
    [t],
  );
  const columnLabel = useCallback(
    (column: string) => {
      const key = columnMessageKey(column);
      return key === null ? column : t(key);
    },
    [t],
  );
  return { labelOf, columnLabel };
}
