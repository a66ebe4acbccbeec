import { isFormerIsoAlpha3, isIsoAlpha3 } from '../../shared/countries.js';

/** True for an assigned or former ISO 3166-1 alpha-3 code (upper case). */
export function isKnownAlpha3(code: string): boolean {
  return isIsoAlpha3(code) || isFormerIsoAlpha3(code);
}
