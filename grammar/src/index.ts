import type { Cable } from './ast';
import { rangeAt } from './positions';
import { build, emptyCable } from './walk';

export * from './ast';
export { lex } from './lexer';
export { lineIndexAt, offsetAt, positionAt, rangeAt, spanAt, splitLines } from './positions';

/**
 * Parses any text into a cable tree. Never throws: on an internal failure the tree is
 * empty and carries one syntax problem saying so, so that an editor keeps working.
 */
export function parseCable(text: string): Cable {
  try {
    return build(text);
  } catch (err) {
    const cable = emptyCable(text);
    cable.errors.push({
      message: `internal parser error: ${(err as Error)?.message ?? String(err)}`,
      range: rangeAt(cable.lines, 0, 0),
    });
    return cable;
  }
}
