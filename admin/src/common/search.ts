/**
 * Matching what a clerk types against a label the way people read it: case and
 * accents ignored ("cordoba" finds Córdoba), anywhere in the label ("fe" finds
 * Santa Fe), or as the initials of its words ("caba" finds Ciudad Autónoma de
 * Buenos Aires; the short words "de", "del", "la"… are not counted).
 */

const SHORT_WORDS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'e', 'y']);

/** Lower case, no accents, one space between words: "Ciudad  Autónoma" → "ciudad autonoma". */
export const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const initials = (folded: string) =>
  folded
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !SHORT_WORDS.has(w))
    .map((w) => w[0])
    .join('');

/** Whether `query` finds `label`: an empty query finds everything. */
export function labelMatches(query: string, label: string): boolean {
  const q = foldText(query);
  if (!q) return true;
  const l = foldText(label);
  if (l.includes(q)) return true;
  return q.length >= 2 && !q.includes(' ') && initials(l).startsWith(q);
}
