import type { EoLine } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import { executiveOrder, executiveOrders } from '../data/index';
import type { Fix, Rule } from '../engine/types';

/** The orders of the executive-orders table (11652 … 13526), the one CBL049 reads too. */
const ORDERS = executiveOrders().map((o) => o.number);
const isKnownOrder = (n: string) => executiveOrder(n) !== undefined;
// E.O. 11652 (1972–78) had no DECL keyword: its lines read `E.O. 11652: GDS` or `XGDS-2`
// (73TEHRAN8233); under E.O. 12065 (1978–82) a schedule and its date, `E.O. 12065: GDS 8/12/85`,
// `XDS-1 7/14/99`, `RDS-2,3 7/14/99`, `ADS 12/31/80`. Each is canonical for its order.
const CANONICAL = new RegExp(
  `^E\\.O\\. (?:(?:${ORDERS.join('|')}): (?:N\\/A|DECL: .+|DNG: (?:CO|SE) \\S+(?:,? DECL: .+)?)|11652: X?GDS(?:-\\d)?|12065: (?:GDS|ADS|[XR]DS-\\d(?:, ?\\d)*) \\S+)$`,
);

/** The line as the spec reads it: margins trimmed, runs of blanks collapsed (4.4: double spaces are fine). */
function normalised(eo: EoLine): string {
  return eo.text
    .replace(/\\\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const BARE_VALUE = /^\(?(?:\d{1,4}[/-]\d{1,2}[/-]\d{2,4}|X[1-8]|25X\d(?:\s*-\s*HUMAN)?|50X\d-[A-Z]+|OADR|GDS|MR)\)?$/i;

/** The canonical body, and whether writing it is only a change of spelling (safe). */
interface CanonicalBody {
  text: string;
  safe: boolean;
  /**
   * `DECLASSIFY` written out (07LISBON2960): where in the body it stands, and the value after
   * it, so that the fix shortens the word in an edit of its own that its title announces.
   */
  spelledOut?: { start: number; end: number; written: string; value: string };
}

function canonicalBody(body: string): CanonicalBody | undefined {
  const b = body.trim();
  if (/^N\s*\/\s*A\.?$/i.test(b)) return { text: 'N/A', safe: true };
  // `Declassify on 8/31/2034`: the `on` goes with the spelled-out keyword.
  let m = /^DECL(?<assify>ASSIFY(?:\s+ON(?=\s+\d))?)?(?=[\s:.])\s*[:.]?\s*(?<v>\S.*)$/i.exec(b);
  if (m?.groups) {
    const value = m.groups.v!.replace(/\s+/g, ' ');
    if (!m.groups.assify) return { text: `DECL: ${value}`, safe: true };
    const start = body.length - body.trimStart().length;
    const length = 4 + m.groups.assify.length;
    return { text: `DECL: ${value}`, safe: true, spelledOut: { start, end: start + length, written: b.slice(0, length), value } };
  }
  m = /^DECL:(?<v>\S.*)$/i.exec(b);
  if (m?.groups) return { text: `DECL: ${m.groups.v!.replace(/\s+/g, ' ')}`, safe: true };
  m = /^DNG\s*:\s*(?<to>CO|SE)\s+(?<d>\S+?)(?:(?<c>,)?\s*DECL\s*:?\s*(?<v>\S.*))?$/i.exec(b);
  if (m?.groups) {
    const g = m.groups;
    return { text: `DNG: ${g.to!.toUpperCase()} ${g.d}${g.v ? `${g.c ?? ''} DECL: ${g.v.replace(/\s+/g, ' ')}` : ''}`, safe: true };
  }
  // A bare date or code is a DECL written without its keyword: adding it is a guess.
  if (BARE_VALUE.test(b)) return { text: `DECL: ${b}`, safe: false };
  return undefined;
}

function what(eo: EoLine, n: string): string {
  const kw = /^(?:E\.? ?[O0]\.?|EO)/i.exec(n)?.[0] ?? '';
  if (eo.order && !isKnownOrder(eo.order.text)) {
    return `unknown executive order ${eo.order.text} (expected ${ORDERS.slice(0, -1).join(', ')} or ${ORDERS.at(-1)})`;
  }
  if (kw !== 'E.O.') return `the keyword is written "${kw}" instead of "E.O."`;
  if (!/^E\.O\. 1\d{4}/.test(n)) return 'expected "E.O. " followed by the order number';
  if (!/^E\.O\. 1\d{4}:/.test(n)) return 'expected a colon after the order number';
  if (!/^E\.O\. 1\d{4}: /.test(n)) return 'expected a space after "E.O. NNNNN:"';
  if (eo.bodyKind === 'other') return 'expected "DECL:" or "N/A" after the order number';
  const body = n.slice('E.O. 12345: '.length);
  // `DECLASSIFY 11/07/2018`, `Declassify on 8/31/2034`: the word spelled out, whatever its case.
  const spelled = /^DECLASSIFY(?:\s+ON)?\b/i.exec(body);
  if (spelled) return `the keyword is written "${spelled[0]}" instead of "DECL:"`;
  if (/^(?:DECL|DNG|N\/A)/.test(body)) return 'expected "DECL: " (colon and space) before the value';
  return 'write "DECL:", "DNG:" and "N/A" in upper case';
}

export const CBL041: Rule = {
  id: 'CBL041',
  name: 'eo-format',
  defaultSeverity: 'warning',
  fixable: true,
  description: "The E.O. line has the canonical form 'E.O. 12958: DECL: MM/DD/YYYY' (or N/A, DNG:).",
  check(ctx) {
    const eo = ctx.cable.eo;
    if (!eo || eo.canonical) return;
    // `E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006` is the archive's note on a released cable.
    if (eo.body && /DECLASSIFIED/i.test(eo.body.text)) return;
    const n = normalised(eo);
    if (CANONICAL.test(n)) return;
    // A header glued on one line (reflowed text) ends the E.O. value at TAGS.
    const cut = n.replace(/\s+TAGS?\b.*$/i, '');
    if (cut !== n && CANONICAL.test(cut)) return;

    let fix: Fix | undefined;
    let expected: string | undefined;
    if (eo.order && isKnownOrder(eo.order.text) && eo.body) {
      // Only the E.O. value is rewritten; a glued `TAGS: …` stays as it is.
      const glued = /(?:\s+|(?<=\d))TAGS?\b/i.exec(eo.body.text);
      const bodyText = glued ? eo.body.text.slice(0, glued.index) : eo.body.text;
      const body = canonicalBody(bodyText);
      if (body) {
        const candidate = `E.O. ${eo.order.text}: ${body.text}`;
        if (CANONICAL.test(candidate)) {
          expected = candidate;
          const end = glued ? rangeAt(ctx.cable.lines, eo.body.range.start.offset, eo.body.range.start.offset + glued.index).end : eo.body.range.end;
          const write = `Write "${expected.length > 60 ? `${expected.slice(0, 57)}...` : expected}"`;
          const word = body.spelledOut;
          if (word) {
            // Three edits, so that the only one that changes letters is the word the title names
            // (the safety rule holds every other edit to keeping its letters).
            const at = (k: number) => rangeAt(ctx.cable.lines, eo.body!.range.start.offset + k, eo.body!.range.start.offset + k).start;
            const edits = [
              { range: { start: eo.range.start, end: at(word.start) }, newText: `E.O. ${eo.order.text}: ` },
              { range: { start: at(word.start), end: at(word.end) }, newText: 'DECL' },
              { range: { start: at(word.end), end }, newText: `: ${word.value}` },
            ].filter((e) => ctx.cable.text.slice(e.range.start.offset, e.range.end.offset) !== e.newText);
            fix = { title: `${write}, shortening ${word.written} to DECL`, edits, safe: body.safe };
          } else {
            fix = { title: write, edits: [{ range: { start: eo.range.start, end }, newText: expected }], safe: body.safe };
          }
        }
      }
    }
    ctx.report({
      range: eo.range,
      // The `EO 12958 DECL:` rewrite is the media copies' (the page says so), not the drafter's.
      publication: ctx.model.publication.mediaHeader && /^EO /.test(n),
      message: `E.O. line "${n.length > 60 ? `${n.slice(0, 57)}...` : n}" is not canonical: ${what(eo, n)}${expected ? `; expected "${expected}"` : ''}`,
      ...(fix ? { fixes: [fix] } : {}),
    });
  },
};
