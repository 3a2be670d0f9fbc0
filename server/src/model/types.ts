import type { Range } from '../../../grammar/src/ast';

/**
 * A change the model can already name (a banner total that every later source contradicts, a
 * caption line to insert): the shape of the engine's `Fix`, so a rule passes it on as it is.
 */
export interface Correction {
  title: string;
  edits: { range: Range; newText: string }[];
  safe: boolean;
}

/**
 * A part of a meaning computed only when asked for: the model memoises it with the meaning's
 * other parts and, should it fail, answers `empty` and lists the failure (the model never throws).
 */
export type Lazy = <T>(part: string, compute: () => T, empty: T) => () => T;

/**
 * A record the model built, typed read-only for everyone outside. Only the model and its
 * meanings are frozen at run time: freezing every record and list cost a fifth of linting.
 */
export function frozen<T extends object>(value: T): Readonly<T> {
  return value;
}
