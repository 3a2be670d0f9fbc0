import type { Range } from '../../../grammar/src/ast';
import type { Fix, Rule } from '../engine/types';
import { wrapperLines } from './CBL120-line-length';

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

function describe(ch: string): string {
  const cp = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = PLAIN[ch]?.name;
  const shown = ch === '\t' || ch === '\u2028' || ch === '\u2029' || ch === '\uFEFF' || ch === '\u200B' ? '' : `\`${ch}\` `;
  return `${shown}(${cp}${name ? ` ${name}` : ''})`;
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
    const skip = wrapperLines(cable);
    const text = cable.text;
    // `¶` is a publication artefact (CBL123); the parser reads a `\uFFFD` before a number as one.
    const pilcrowAt = new Set<number>();
    for (const p of cable.paragraphs) if (p.pilcrow) pilcrowAt.add(p.numberText.range.start.offset);
    let reports = 0;
    let suppressed = 0;
    // A published record shows the publisher's typography (media copies: 12,895 runs on 435
    // corpus cables, curly quotes mostly): one summary per text, with one fix for all of it.
    const published = ctx.profile === 'published';
    const all: { range: Range; unique: string[]; fix?: Fix }[] = [];
    // One regular-expression pass finds the runs: a character-by-character loop in JavaScript
    // made this the costliest rule on the corpus.
    const outside = /[^\x20-\x7e\u00b6\r\n]/g;
    let l = 0;
    for (let m = outside.exec(text); m; m = outside.exec(text)) {
      const i = m.index;
      while (l < cable.lines.length - 1 && cable.lines[l]!.end < i) l++;
      const line = cable.lines[l]!;
      if (skip[l]) {
        outside.lastIndex = Math.max(line.end, i + 1);
        continue;
      }
      if (text[i] === '\uFFFD' && pilcrowAt.has(i)) continue;
      let j = i;
      while (j < line.end) {
        const d = text.charCodeAt(j);
        if (isTelegraphic(d) || text[j] === '¶') break;
        j++;
      }
      outside.lastIndex = j;
      if (reports >= MAX_REPORTS && !published) {
        suppressed++;
        continue;
      }
      const run = [...text.slice(i, j)];
      const range = {
        start: { offset: i, line: l, character: i - line.start },
        end: { offset: j, line: l, character: j - line.start },
      };
      const unique = [...new Set(run)];
      let replacement = '';
      let fixable = true;
      let safe = true;
      let deaccented = false;
      for (const ch of run) {
        const plain = PLAIN[ch];
        if (plain) {
          replacement += plain.to;
          if (UNSAFE.has(ch)) safe = false;
          continue;
        }
        const base = deaccent(ch);
        if (base === undefined) {
          fixable = false;
          break;
        }
        replacement += base;
        deaccented = true;
      }
      if (deaccented) safe = false;
      const fixes: Fix[] = fixable
        ? [{ title: `Replace with ${JSON.stringify(replacement)}`, edits: [{ range, newText: replacement }], safe }]
        : [];
      if (published) {
        all.push({ range, unique, ...(fixes[0] ? { fix: fixes[0] } : {}) });
        continue;
      }
      ctx.report({
        range,
        message: `${unique.length === 1 ? 'character' : 'characters'} outside the telegraphic set: ${unique.map(describe).join(', ')}; expected plain ASCII`,
        fixes,
      });
      reports++;
    }
    if (published && all.length > 0) {
      const unique = [...new Set(all.flatMap((r) => r.unique))];
      const shown = unique.slice(0, 4).map(describe).join(', ') + (unique.length > 4 ? `, and ${unique.length - 4} more` : '');
      const fixable = all.every((r) => r.fix);
      ctx.report({
        range: all[0]!.range,
        message: `${all.length} ${all.length === 1 ? 'run' : 'runs'} of characters outside the telegraphic set in this published text: ${shown}; expected plain ASCII`,
        ...(fixable
          ? {
              fixes: [
                {
                  title: `Replace all ${all.length} with plain ASCII`,
                  edits: all.flatMap((r) => r.fix!.edits),
                  safe: all.every((r) => r.fix!.safe),
                },
              ],
            }
          : {}),
      });
    }
    if (suppressed > 0) {
      ctx.report({
        range: { start: cable.range.start, end: cable.range.start },
        message: `${suppressed} more runs of characters outside the telegraphic set not listed`,
      });
    }
  },
};
