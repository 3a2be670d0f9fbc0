/**
 * Who signed the cable: the surname(s) on its signature line (`JACOBSON`; `SMITH/JONES` for a
 * joint message), upper case, without the publisher's or printer's marks around them.
 */
import type { Signature } from '../../../grammar/src/ast';

/** Words on a signature line that are not a name (`BT`, a printer's `#`, `END`, `NNNN`). */
const NOT_A_NAME = /^(?:BT|END|NNNN|TEXT|SIPDIS|UNQUOTE|QUOTE)$/;

export function readSigners(signature: Signature | undefined): readonly string[] {
  if (!signature) return Object.freeze([]);
  const out: string[] = [];
  for (const part of signature.text.split(/\/|\bAND\b|&/i)) {
    const name = part.replace(/[^\p{L}'’ .-]+/gu, ' ').replace(/\s+/g, ' ').replace(/^[\s.'’-]+|[\s.'’-]+$/g, '').toUpperCase();
    if (name && !NOT_A_NAME.test(name) && !out.includes(name)) out.push(name);
  }
  return Object.freeze(out);
}
