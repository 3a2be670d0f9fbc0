/** The reference id a file name claims, for CBL124: a fact of the host's names, not of the text. */

const REFERENCE_ID = /^\d{2}[A-Z]{3,17}\d{1,7}$/;

/**
 * The reference id a file name claims (`08REYKJAVIK151.txt` → `08REYKJAVIK151`); undefined when
 * the name does not look like one (`reykjavik-457.cable`). Paths with `/` or `\` alike.
 */
export function referenceIdFromPath(path: string): string | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return REFERENCE_ID.test(stem) ? stem : undefined;
}
