import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Copies text to the clipboard and says so (in a live region). Where the clipboard is not
 * available (an insecure origin, say) it says that the text must be copied by hand.
 */
export function CopyButton({ text, testId }: { text: string; testId?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="copy">
      <button type="button" className="button" onClick={() => void copy()} data-testid={testId}>
        {t('common.copy')}
      </button>
      <span role="status" className="copy-status">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}
