/**
 * Searching names the way people type them: lower case, accents ignored
 * ("ferreteria" finds "Ferretería"). The same folding runs in JavaScript (what
 * was typed) and in SQL (the stored search text), so both sides always agree.
 */
const ACCENTED = 'áàäâãéèëêíìïîóòöôõúùüûñç';
const PLAIN = 'aaaaaeeeeiiiiooooouuuunc';

/** SQL that folds a text expression (immutable, so a generated column and its index can use it). */
export const foldSql = (expr: string): string => `translate(lower(${expr}), '${ACCENTED}', '${PLAIN}')`;

/** The same folding for a string typed by a user. */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) {
    const i = ACCENTED.indexOf(ch);
    out += i >= 0 ? PLAIN[i] : ch;
  }
  return out;
}
