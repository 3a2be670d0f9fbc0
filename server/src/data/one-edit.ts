/**
 * Whether two strings are exactly one Damerau–Levenshtein edit apart (optimal string alignment):
 * one letter changed, added or dropped, or two adjacent letters swapped. The TAGS fixes only ever
 * ask "is this one slip away?", which is one linear pass; the npm packages for the full distance
 * fill a matrix per pair (and the most used one gives up early on long strings).
 */
export function isOneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length - b.length > 1) return false;
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  if (a.length > b.length) return a.slice(i + 1) === b.slice(i); // one letter added to b
  // Same length: the rest after one changed letter, or after two swapped ones, is equal.
  if (a.slice(i + 1) === b.slice(i + 1)) return true;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
