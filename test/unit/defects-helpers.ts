/**
 * Helpers for test/unit/defects.test.ts: real cables from test/fixtures/corpus with one defect
 * injected by a precise text edit, and the bookkeeping that says where the defect sits.
 *
 * Positions are worked out here from the text alone (line breaks `\r\n`, `\r`, `\n` as LSP counts
 * them; columns in UTF-16 code units, 1-based like the CLI), never taken from the engine.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Profile } from '../../grammar/src/ast';
import { decodeCable } from '../../server/src/host/decode';
import type { Fix, Severity, SeveritySetting } from '../../server/src/engine/types';

const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = join(here, '..', 'fixtures', 'corpus');

/** A corpus fixture decoded as the CLI decodes it (UTF-8, else Latin-1: `¶` may be byte 0xB6). */
export function readFixture(id: string): string {
  return decodeCable(readFileSync(join(corpusDir, `${id}.txt`)));
}

/**
 * How the real cable is presented to the linter:
 * - `published`: the file as released (WikiLeaks page text, `¶`, page markers …);
 * - `sent`: the publisher's `¶` signs removed, which is the text as it went over the wire
 *   (envelope kept) when `¶` was the only publisher artefact;
 * - `draft`: `sent` without the envelope: the drafter's text from the banner down.
 */
export type Rendering = 'published' | 'sent' | 'draft';

const BANNER_START = /^\s*(?:S E C R E T|C O N F I D E N T I A L|UNCLAS|SECRET|CONFIDENTIAL)\b/;

export function render(text: string, rendering: Rendering): string {
  if (rendering === 'published') return text;
  const sent = text.replace(/¶/g, '');
  if (rendering === 'sent') return sent;
  const lines = sent.split(/(?<=\r\n|\r(?!\n)|\n)/);
  const banner = lines.findIndex((l) => BANNER_START.test(l));
  assert.ok(banner > 0, 'the cable has an envelope above its banner');
  return lines.slice(banner).join('');
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * The day the cable was written, from its DTG line (`P 131550Z AUG 09`). A draft has no DTG, so
 * the tests hand this to the linter as "today": the drafter lints on the day of writing.
 */
export function dtgDay(text: string): Date | undefined {
  const m = /^\s*[ZOPR](?: [ZOPR])? (\d{2})(\d{2})(\d{2})Z (JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC) (\d{2})\b/m.exec(text);
  if (!m) return undefined;
  const yy = Number(m[5]);
  return new Date(Date.UTC(yy >= 60 ? 1900 + yy : 2000 + yy, MONTHS.indexOf(m[4]!), Number(m[1]), Number(m[2]), Number(m[3])));
}

/** 1-based line and UTF-16 column of an offset, counting `\r\n`, `\r` and `\n` as one break each. */
export function lineColAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Index of the only occurrence of `needle` at or after `from` (fails loudly if the fixture changed). */
export function uniqueIndex(text: string, needle: string, from = 0): number {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `text lacks ${JSON.stringify(needle)}`);
  assert.equal(text.indexOf(needle, i + 1), -1, `text has ${JSON.stringify(needle)} more than once`);
  return i;
}

/** One edit as applied: where it sits in the mutated text and how much it replaced. */
export interface Applied {
  /** Offset of the inserted text in the mutated text (as it was right after this edit). */
  at: number;
  removed: number;
  inserted: number;
  insertedText: string;
}

/**
 * A cable being mutated: keeps the edits so that a place in the mutated text can be traced
 * back to the same place in the original (for "the rule was silent there before").
 */
export class Mutation {
  readonly original: string;
  text: string;
  private readonly applied: Applied[] = [];

  constructor(original: string) {
    this.original = original;
    this.text = original;
  }

  /** Replaces the single occurrence of `from` (searched after the unique `after`, if given). */
  replace(from: string, to: string, after?: string): this {
    const start = after === undefined ? 0 : uniqueIndex(this.text, after);
    const at = uniqueIndex(this.text.slice(start), from) + start;
    return this.splice(at, from.length, to);
  }

  /** Deletes `count` whole lines (with their line ends) from the line holding the unique `needle`. */
  deleteLines(needle: string, count = 1): this {
    const at = uniqueIndex(this.text, needle);
    const start = lineStartAt(this.text, at);
    let end = start;
    for (let k = 0; k < count; k++) end = nextLineStart(this.text, end);
    return this.splice(start, end - start, '');
  }

  private splice(at: number, removed: number, inserted: string): this {
    this.text = this.text.slice(0, at) + inserted + this.text.slice(at + removed);
    this.applied.push({ at, removed, inserted: inserted.length, insertedText: inserted });
    return this;
  }

  /**
   * Offset in the final mutated text of edit `k` (negative counts from the last), plus `inner`'s
   * position inside its inserted text.
   */
  editOffset(k = -1, inner?: string): number {
    const idx = k < 0 ? this.applied.length + k : k;
    const e = this.applied[idx];
    assert.ok(e, `no edit #${k}`);
    let at = e.at;
    for (const later of this.applied.slice(idx + 1)) if (later.at + later.removed <= at) at += later.inserted - later.removed;
    assert.equal(this.text.slice(at, at + e.inserted), e.insertedText, `edit #${k} was overwritten by a later one`);
    if (inner === undefined) return at;
    const i = e.insertedText.indexOf(inner);
    assert.ok(i >= 0, `edit #${k} does not insert ${JSON.stringify(inner)}`);
    return at + i;
  }

  /** The offset in the original text of a place in the mutated text (inside an edit: its start). */
  originalOffset(offset: number): number {
    let o = offset;
    for (let k = this.applied.length - 1; k >= 0; k--) {
      const e = this.applied[k]!;
      if (o >= e.at + e.inserted) o += e.removed - e.inserted;
      else if (o > e.at) o = e.at;
    }
    return o;
  }
}

function lineStartAt(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function nextLineStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return Math.min(text.length, i + 1);
}

/**
 * Severity each rule emits by default per profile, read from the spec (section 3 rule text and
 * section 4.1), independently of the rule modules' own metadata.
 */
export const SPEC_SEVERITY: Record<string, Partial<Record<Profile, SeveritySetting>> & { all: Severity }> = {
  CBL005: { all: 'error', draft: 'off' },
  CBL006: { all: 'error', draft: 'off' },
  CBL008: { all: 'warning', draft: 'off' },
  CBL031: { all: 'error' },
  CBL032: { all: 'error' },
  CBL036: { all: 'warning' },
  CBL037: { all: 'error' },
  CBL040: { all: 'error', published: 'info' },
  CBL043: { all: 'error' },
  CBL044: { all: 'error' },
  CBL046: { all: 'error', published: 'info' },
  CBL060: { all: 'error', published: 'info' },
  CBL061: { all: 'warning' },
  CBL064: { all: 'warning' },
  CBL070: { all: 'error', published: 'info' },
  CBL075: { all: 'warning' },
  CBL076: { all: 'warning' },
  CBL080: { all: 'error', published: 'warning' },
  CBL081: { all: 'warning', published: 'info' },
  CBL090: { all: 'error', published: 'warning' },
  CBL091: { all: 'error' },
  CBL100: { all: 'warning' },
};

export function specSeverity(rule: string, profile: Profile): SeveritySetting {
  const row = SPEC_SEVERITY[rule];
  assert.ok(row, `no spec severity noted for ${rule}`);
  return row[profile] ?? row.all;
}

/** Applies a fix's edits (last first, so earlier offsets stay valid). */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
  return out;
}

function words(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of s.split(/\s+/).filter(Boolean)) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

function isSpace(c: string | undefined): boolean {
  return c === undefined || /\s/.test(c);
}

/**
 * The words a fix announces it changes: every whitespace-delimited word an edit touches, before
 * (`removed`) and after (`added`) the edit. Everything else must come through untouched.
 */
export function announcedChange(text: string, fix: Fix): { removed: Map<string, number>; added: Map<string, number> } {
  const removed: string[] = [];
  const added: string[] = [];
  for (const e of fix.edits) {
    let a = e.range.start.offset;
    let b = e.range.end.offset;
    while (a > 0 && !isSpace(text[a - 1])) a--;
    while (b < text.length && !isSpace(text[b])) b++;
    removed.push(text.slice(a, b));
    added.push(text.slice(a, e.range.start.offset) + e.newText + text.slice(e.range.end.offset, b));
  }
  return { removed: words(removed.join(' ')), added: words(added.join(' ')) };
}

/** The fixed text's words equal the mutated text's words minus the announced change plus its result. */
export function assertKeepsWords(before: string, after: string, fix: Fix): void {
  const { removed, added } = announcedChange(before, fix);
  const expected = words(before);
  for (const [w, n] of removed) {
    const left = (expected.get(w) ?? 0) - n;
    assert.ok(left >= 0, `fix announces removing ${JSON.stringify(w)} that is not there`);
    if (left === 0) expected.delete(w);
    else expected.set(w, left);
  }
  for (const [w, n] of added) expected.set(w, (expected.get(w) ?? 0) + n);
  const got = words(after);
  const diff: string[] = [];
  for (const w of new Set([...expected.keys(), ...got.keys()])) {
    const e = expected.get(w) ?? 0;
    const g = got.get(w) ?? 0;
    if (e !== g) diff.push(`${JSON.stringify(w)}: expected ${e}, found ${g}`);
  }
  assert.deepEqual(diff, [], `fix "${fix.title}" changed words beyond what it announces`);
}
