import type { Range } from '../../../grammar/src/ast';
import { codePoint, printable } from '../engine/message';
import type { Fix, Rule } from '../engine/types';

/** Replacements that keep the meaning exactly (typography the teleprinter never had). */
const PLAIN: Record<string, { to: string; name: string }> = {
  '\t': { to: ' ', name: 'tab' },
  '\u00A0': { to: ' ', name: 'no-break space' },
  '\u2018': { to: "'", name: 'left single quote' },
  '\u2019': { to: "'", name: 'right single quote' },
  '\u201A': { to: "'", name: 'low single quote' },
  '\u2032': { to: "'", name: 'prime' },
  '\u00B4': { to: "'", name: 'acute accent' },
  '\u201C': { to: '"', name: 'left double quote' },
  '\u201D': { to: '"', name: 'right double quote' },
  '\u201E': { to: '"', name: 'low double quote' },
  '\u2033': { to: '"', name: 'double prime' },
  '\u2013': { to: '-', name: 'en dash' },
  '\u2014': { to: '--', name: 'em dash' },
  '\u2012': { to: '-', name: 'figure dash' },
  '\u2010': { to: '-', name: 'hyphen' },
  '\u2011': { to: '-', name: 'non-breaking hyphen' },
  '\u2026': { to: '...', name: 'ellipsis' },
  '\u2028': { to: '\n', name: 'line separator' },
  '\u2029': { to: '\n', name: 'paragraph separator' },
  '\uFEFF': { to: '', name: 'byte-order mark' },
  '\u200B': { to: '', name: 'zero-width space' },
};
/** Line separators change the line structure: the fix needs a look. */
const UNSAFE = new Set(['\u2028', '\u2029']);
const MAX_REPORTS = 100;

function isTelegraphic(c: number): boolean {
  return c >= 0x20 && c <= 0x7e;
}

/** What a run of characters stands for, worked out once per distinct run (most repeat: `’`, `“`). */
interface Reading {
  /** The plain ASCII for the run; undefined when a character has none (`\uFFFD`). */
  replacement?: string;
  /** Tabs and quotes are safe to replace unseen; dropped accents and line separators are not. */
  safe: boolean;
  unique: string[];
}

function readRun(run: string): Reading {
  const chars = [...run];
  let replacement = '';
  let safe = true;
  for (const ch of chars) {
    const plain = PLAIN[ch];
    if (plain) {
      replacement += plain.to;
      if (UNSAFE.has(ch)) safe = false;
      continue;
    }
    const base = deaccent(ch);
    if (base === undefined) return { safe: false, unique: [...new Set(chars)] };
    replacement += base;
    safe = false;
  }
  return { replacement, safe, unique: [...new Set(chars)] };
}

interface Run {
  range: Range;
  reading: Reading;
}

function shown(runs: Run[]): string {
  const readings = new Set<Reading>();
  for (const r of runs) readings.add(r.reading);
  const unique = [...new Set([...readings].flatMap((r) => r.unique))];
  return unique.slice(0, 4).map(describe).join(', ') + (unique.length > 4 ? `, and ${unique.length - 4} more` : '');
}

/**
 * Fixes for many runs at once: one for the runs whose replacement is safe (fix-all applies it, so
 * a run with no plain form, such as `\uFFFD`, holds back none of the others), and one that also
 * takes the runs that need a look (accents dropped, lines split).
 */
function fixesForRuns(runs: Run[], what: (n: number) => string): { fixes?: Fix[] } {
  const fixable = runs.filter((r) => r.reading.replacement !== undefined);
  const safe = fixable.filter((r) => r.reading.safe);
  const fixes: Fix[] = [];
  const edits = (rs: Run[]) => rs.map((r) => ({ range: r.range, newText: r.reading.replacement! }));
  if (safe.length > 0) fixes.push({ title: `Replace ${what(safe.length)} with plain ASCII`, edits: edits(safe), safe: true });
  if (fixable.length > safe.length) {
    fixes.push({ title: `Replace ${what(fixable.length)} with plain ASCII, accented letters and line separators included`, edits: edits(fixable), safe: false });
  }
  return fixes.length > 0 ? { fixes } : {};
}

/** Names for the controls a message cannot show, so that `(U+000C form feed)` says what it is. */
const CONTROL_NAMES: Record<string, string> = {
  '\u000B': 'vertical tab',
  '\u000C': 'form feed',
  '\u001B': 'escape',
  '\u007F': 'delete',
};

function describe(ch: string): string {
  const cp = codePoint(ch);
  const name = PLAIN[ch]?.name ?? CONTROL_NAMES[ch];
  // A character with no visible form (white space, a control the message writes as U+XXXX
  // anyway) is named by its code point alone: `U+000C` twice says nothing more.
  const invisible = ch === '\t' || ch === '\u2028' || ch === '\u2029' || ch === '\uFEFF' || ch === '\u200B' || printable(ch) !== ch;
  return `${invisible ? '' : `\`${ch}\` `}(${cp}${name ? ` ${name}` : ''})`;
}

/** Cyrillic letters that look like Latin ones (`Х` in `ХХХХХХ` redactions of media copies). */
const HOMOGLYPHS: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y',
};

/** ASCII spelling of an accented or look-alike letter (`é` → `e`, Cyrillic `Х` → `X`), if it has one. */
function deaccent(ch: string): string | undefined {
  if (HOMOGLYPHS[ch]) return HOMOGLYPHS[ch];
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return /^[\x20-\x7e]+$/.test(base) ? base : undefined;
}

export const CBL122: Rule = {
  id: 'CBL122',
  name: 'charset',
  defaultSeverity: 'info',
  fixable: true,
  description: 'Characters outside the telegraphic set: curly quotes, tabs, U+2028, non-ASCII letters.',
  check(ctx) {
    const { cable } = ctx;
    const { wrapper } = ctx.model;
    const text = cable.text;
    // `¶` is a publication artefact (CBL123); the parser reads a `\uFFFD` before a number as one.
    // Gathered at the first `\uFFFD` only: most texts have none.
    let pilcrowAt: Set<number> | undefined;
    const isPilcrow = (i: number) => {
      if (!pilcrowAt) {
        pilcrowAt = new Set<number>();
        for (const p of cable.paragraphs) if (p.pilcrow) pilcrowAt.add(p.numberText.range.start.offset);
      }
      return pilcrowAt.has(i);
    };
    let reports = 0;
    // A published record shows the publisher's typography (media copies: 12,895 runs on 435
    // corpus cables, curly quotes mostly): one summary per text, with one fix for all of it.
    const published = ctx.profile === 'published';
    const all: Run[] = [];
    // Past the first hundred, runs are summed up in one diagnostic whose fix covers them all, so
    // that fix-all settles in one pass (it took a pass per hundred tabs).
    const unlisted: Run[] = [];
    const readings = new Map<string, Reading>();
    // One regular-expression pass finds the runs: a character-by-character loop in JavaScript
    // made this the costliest rule on the corpus.
    const outside = /[^\x20-\x7e\u00b6\r\n]/g;
    let l = 0;
    // `test`, not `exec`: the pattern matches one character, which ends where the search stopped,
    // and no match array is made per run.
    while (outside.test(text)) {
      const i = outside.lastIndex - 1;
      while (l < cable.lines.length - 1 && cable.lines[l]!.end < i) l++;
      const line = cable.lines[l]!;
      if (wrapper.isWrapperLine(l)) {
        outside.lastIndex = Math.max(line.end, i + 1);
        continue;
      }
      if (text.charCodeAt(i) === 0xfffd && isPilcrow(i)) continue;
      let j = i;
      while (j < line.end) {
        const d = text.charCodeAt(j);
        if (isTelegraphic(d) || d === 0xb6) break;
        j++;
      }
      outside.lastIndex = j;
      const runText = text.slice(i, j);
      let reading = readings.get(runText);
      if (!reading) readings.set(runText, (reading = readRun(runText)));
      const range = {
        start: { offset: i, line: l, character: i - line.start },
        end: { offset: j, line: l, character: j - line.start },
      };
      if (published || reports >= MAX_REPORTS) {
        (published ? all : unlisted).push({ range, reading });
        continue;
      }
      const { replacement, safe, unique } = reading;
      const fixes: Fix[] =
        replacement !== undefined ? [{ title: `Replace with ${JSON.stringify(replacement)}`, edits: [{ range, newText: replacement }], safe }] : [];
      ctx.report({
        range,
        message: `${unique.length === 1 ? 'character' : 'characters'} outside the telegraphic set: ${unique.map(describe).join(', ')}; expected plain ASCII`,
        fixes,
      });
      reports++;
    }
    if (all.length > 0) {
      ctx.report({
        range: all[0]!.range,
        message: `${all.length} ${all.length === 1 ? 'run' : 'runs'} of characters outside the telegraphic set in this published text: ${shown(all)}; expected plain ASCII`,
        ...fixesForRuns(all, (n) => (n === all.length ? `all ${n}` : `${n} of the ${all.length}`)),
      });
    }
    if (unlisted.length > 0) {
      ctx.report({
        range: { start: cable.range.start, end: cable.range.start },
        message: `${unlisted.length} more ${unlisted.length === 1 ? 'run' : 'runs'} of characters outside the telegraphic set not listed: ${shown(unlisted)}`,
        ...fixesForRuns(unlisted, (n) => (n === unlisted.length ? `the ${n} unlisted` : `${n} of the ${unlisted.length} unlisted`)),
      });
    }
  },
};
