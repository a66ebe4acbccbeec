// The words the case journey's pages are checked against (cases.test.ts): the locale texts it
// expects, the provider's Arabic name, and what must never show on an Arabic page.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
export const arabic = JSON.parse(
  readFileSync(path.join(root, 'src/web/locales/ar.json'), 'utf8'),
) as {
  errors: { consent: { required: string } };
  screening: { classes: Record<string, string> };
};
export const english = JSON.parse(
  readFileSync(path.join(root, 'src/web/locales/en.json'), 'utf8'),
) as {
  errors: { consent: { required: string } };
};

// A provider named in Arabic, so that the Arabic pages hold no English data of ours either.
export const providerName = 'مأوى الميناء';

// Message keys or English interface words that must never show on an Arabic page.
export const rawKey =
  /\b(cases|codes|screening|referrals|imports|providers|errors|common|issues|fieldIssues)\.[a-zA-Z_]+/;
export const englishWords =
  /\b(Cases?|Consent|Screening|Referrals?|Status|Next|Back|Save|Record|Trafficking|Exploitation|Not recorded|Edit|Import|Provider|Indicators?|Refer|Overdue|Sent)\b/;
