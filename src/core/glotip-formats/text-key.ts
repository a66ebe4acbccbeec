/**
 * The comparison key of free text: accents, case, punctuation and spacing removed, so that
 * `Côte d’Ivoire`, `COTE D'IVOIRE` and `cote  d ivoire` meet. Letters of every script are kept
 * (Arabic vowel marks go with the other combining marks).
 */
export function textKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
