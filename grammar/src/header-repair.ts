/**
 * Header repair: fields the line shapes alone do not separate. A field line may carry the next
 * fields glued on, a continuation may belong to the field before, and reflowed text hides the
 * header inside other lines; the repaired segments then go to the field builders.
 */
import type { Cable, HeaderField } from './ast';
import * as B from './build-body';
import { buildClassifiedBy, buildEo, buildRefs, buildSubject, buildTags, type Doc } from './build-header';
import { numbered } from './fields';
import type { FieldKind } from './parser';
import { hasField, type Segment } from './segments';

/**
 * A field keyword inside a line. Run without group names (fields.ts, Numbered) and by `exec` in a
 * loop: `matchAll` copies a global pattern per call, and a dictionary of named groups per match
 * read through `Object.keys` cost five times the search (12,000 runs per corpus parse).
 */
export const MIDLINE_FIELD = numbered(
  /(?<eo>(?<![A-Za-z])(?:E\.? ?[O0]\.?|EO) *:? *1\d{4}(?!\d))|(?<tags>(?<![A-Za-z])(?:TAGS?:|TAGS\s)\s*)|(?<subject>(?<![A-Za-z])SUBJ(?:ECT)?\s*:)|(?<classifiedBy>(?<![A-Za-z])CLASSIFIED\s+BY\b)/gi,
);
const MIDLINE_FIELDS = ['eo', 'tags', 'subject', 'classifiedBy'] as const;

/** Which field keyword a match of MIDLINE_FIELD is: its one group that took part. */
function midLineFieldOf(m: RegExpExecArray): FieldKind {
  return MIDLINE_FIELDS.find((f) => m[MIDLINE_FIELD.index[f]!] !== undefined) ?? 'eo';
}

/** Where each field but TAGS stands in its cable's `headerOrder` while the walk reads the header. */
const slotOf = new WeakMap<HeaderField, number>();

export function addField(cable: Cable, doc: Doc, field: FieldKind, segs: [number, number][], midLine: boolean): void {
  const previous = field === 'eo' ? cable.eo : field === 'subject' ? cable.subject : field === 'ref' ? cable.refs : field === 'classifiedBy' ? cable.classifiedBy : undefined;
  let node: HeaderField;
  switch (field) {
    case 'eo':
      node = cable.eo = buildEo(doc, segs[0]![0], segs[segs.length - 1]![1], midLine);
      break;
    case 'tags': {
      node = buildTags(doc, segs, midLine);
      // A second TAGS line right after the first is a two-line list, not a repeat.
      cable.tags.push(node);
      break;
    }
    case 'subject':
      node = cable.subject = buildSubject(doc, segs, midLine);
      break;
    case 'ref':
      node = cable.refs = buildRefs(doc, segs);
      for (const [a, b] of segs.slice(1)) {
        if (/^PAGE +\d{2} /.test(doc.text.slice(a, b))) cable.pageMarkers.push(B.legacyPageAt(doc, a, b));
      }
      break;
    case 'classifiedBy':
      node = cable.classifiedBy = buildClassifiedBy(doc, segs, midLine);
      break;
  }
  // Keep one entry per field kind in headerOrder, the last one read, and every TAGS line. The
  // entry of the field read before takes the new one in its place (the walk sorts the list by
  // position when the header is read): a copy of the list per field was quadratic in TAGS lines
  // (12,000 of them: a quarter of a 4 s parse).
  const order = cable.headerOrder;
  let at = previous ? slotOf.get(previous) : undefined;
  if (previous && order[at ?? -1] !== previous) at = order.indexOf(previous);
  if (at === undefined || at < 0) at = order.push(node) - 1;
  else order[at] = node;
  if (node.kind !== 'TagsLine') slotOf.set(node, at);
}

/**
 * A field line may carry the next fields glued on (`E.O. 12958: DECL: 10/20/2015 TAGS: …`,
 * 24 corpus cables), on its first line or on a continuation line (`…TRANSACTIONS REF: A.
 * SECSTATE 84841 … Classified By: …`, 08MANAMA555): split it where another field keyword starts.
 */
export function splitGluedFields(doc: Doc, field: FieldKind, segs: [number, number][]): { field: FieldKind; segments: [number, number][] }[] {
  // Classified By cites `E.O. 12958` as its authority.
  if (field === 'classifiedBy') return [{ field, segments: segs }];
  const cuts: { field: FieldKind | 'stop'; at: number }[] = [];
  segs.forEach(([s, e], i) => {
    const piece = doc.text.slice(s, e);
    const re = MIDLINE_FIELD.re;
    // No match is empty, so the search moves on; nothing below runs this pattern.
    re.lastIndex = 0;
    for (let m = re.exec(piece); m; m = re.exec(piece)) {
      if (i === 0 && m.index === 0) continue;
      const f = midLineFieldOf(m);
      if (f === field) continue;
      // A REF target may hold any words; only a glued Classified By ends the list (08MANAMA300).
      if (field === 'ref' && f !== 'classifiedBy') continue;
      // Lower-case `tags`/`subject` inside a sentence is a word, not a keyword.
      if (f === 'tags' && !/^TAGS?\s*:|^TAGS\s/.test(m[0]) && !/:/.test(m[0])) continue;
      // A subject runs until the next field; an E.O. line inside it is only a citation.
      if (field === 'subject' && f === 'eo') continue;
      cuts.push({ field: f, at: s + m.index! });
    }
    if (field === 'subject') {
      // Reflowed text: the subject also ends where the REF list (read as a field) or paragraph 1
      // starts, also glued to its last word (`…PRIMEREF: A. …`, `…CAIROClassified By: …`).
      const ref = /(?:\s|(?<=[A-Z]{3}))REF(?:S|TELS?)?\s*:(?=\s|$)/.exec(piece);
      if (ref) cuts.push({ field: 'ref', at: s + ref.index + (/^\s/.test(ref[0]) ? 1 : 0) });
      const classified = /(?<=[A-Za-z])Classified\s+By\s*:/.exec(piece);
      if (classified) cuts.push({ field: 'classifiedBy', at: s + classified.index });
      // A handling statement, an action request or a rule line after the subject on its line.
      const statement = /\s(?:SENSITIVE BUT UNCLASSIFIED|Sensitive but unclassified|This is an? action request|-{3,}|_{3,})/i.exec(piece);
      if (statement) cuts.push({ field: 'stop', at: s + statement.index + 1 });
      // A continuation line may itself open paragraph 1 (no blank line after the subject).
      const stop = (i === 0 ? /\s¶?\s?1\.\s+\(/ : /(?:^|\s)¶?\s?1\.\s+\(/).exec(piece);
      if (stop && (stop.index > 0 || i > 0)) cuts.push({ field: 'stop', at: s + stop.index });
    }
  });
  if (!cuts.length) return [{ field, segments: segs }];
  cuts.sort((a, b) => a.at - b.at);
  const out: { field: FieldKind; segments: [number, number][] }[] = [];
  let current = field as FieldKind | 'stop';
  let pieces: [number, number][] = [];
  let from = segs[0]![0];
  let k = 0;
  const close = () => {
    if (current !== 'stop' && pieces.length) out.push({ field: current, segments: pieces });
    pieces = [];
  };
  for (const [s, e] of segs) {
    from = Math.max(from, s);
    while (k < cuts.length && cuts[k]!.at < e) {
      const c = cuts[k++]!;
      let end = c.at;
      while (end > from && /\s/.test(doc.text[end - 1]!)) end--;
      if (end > from) pieces.push([from, end]);
      close();
      from = c.at;
      current = c.field;
      if (current === 'stop') return out;
    }
    if (e > from) pieces.push([from, e]);
  }
  close();
  return out;
}

const EO_REASON_ONLY = /^\s*(?:E\.? ?[O0]\.?|EO) *:? *1\d{4}\s*[,:;]?\s*(?:reasons?\s*:?\s*|sec(?:tion|\.)?\s*)?1\s?[.,\/]\s?[45]\b(?![\s\S]*\b(?:DECL|DNG|N\/A|OADR)\b)/i;

/**
 * `Classified By: ACTING CONSUL GENERAL … REASON:` ⏎⏎ `E.O. 12958, 1.4(D)` (05SAOPAULO1158): an
 * E.O. line that only cites a reason, after the Classified By line of a header that already
 * has its E.O. line, finishes the Classified By line rather than replacing the E.O. line.
 */
export function mergeReasonCites(doc: Doc, fields: { field: FieldKind; segments: Segment[] }[]): void {
  for (let i = 1; i < fields.length; i++) {
    const f = fields[i]!;
    const prev = fields[i - 1]!;
    if (f.field !== 'eo' || prev.field !== 'classifiedBy') continue;
    if (!fields.slice(0, i - 1).some((g) => g.field === 'eo')) continue;
    const seg = f.segments[0]!;
    if (!EO_REASON_ONLY.test(doc.text.slice(seg.start, seg.end))) continue;
    prev.segments.push(...f.segments);
    fields.splice(i--, 1);
  }
}

/**
 * `REF A SECRETARY'S LETTER …` ⏎ `REF B SECSTATE 76108` (09ABUDHABI754), `REF: REF A) QUITO 83; REF
 * B) QUITO 91` ⏎ `REF D) QUITO 79` (10QUITO101): one list, a keyword per item.
 */
export function mergeRefLines(doc: Doc, fields: { field: FieldKind; segments: Segment[] }[]): void {
  for (let i = 1; i < fields.length; i++) {
    const f = fields[i]!;
    const prev = fields[i - 1]!;
    if (f.field !== 'ref' || prev.field !== 'ref') continue;
    const first = f.segments[0]!;
    const perItem = (g: Segment) => /^REF(?::?\s+REF)?\s+\(?[A-Z][.):]?\s/.test(doc.text.slice(g.start, g.end));
    if (!perItem(first) || !perItem(prev.segments[0]!)) continue;
    const gap = (first.token.startLine ?? 0) - (prev.segments[prev.segments.length - 1]!.token.endLine ?? 0);
    if (gap > 2) continue;
    prev.segments.push(...f.segments);
    fields.splice(i--, 1);
  }
}

/**
 * Reflowed and glued text (spec 4.3): the header may sit on one line, after the banner or
 * inside the first paragraph line. Fields still missing are looked for mid-line there.
 */
export function findMidLineFields(cable: Cable, doc: Doc, body: Segment[]): void {
  const missing = (['eo', 'tags', 'subject', 'classifiedBy'] as FieldKind[]).filter((f) => !hasField(cable, f));
  if (!missing.length) return;
  const windows: [number, number][] = [];
  if (cable.banner?.rest) windows.push([cable.banner.rest.range.start.offset, cable.banner.rest.range.end.offset]);
  const firstPara = cable.paragraphs.find((p) => !p.ambiguous);
  for (const seg of body) {
    if (firstPara && seg.start > firstPara.range.start.offset) break;
    windows.push([seg.start, seg.end]);
    if (windows.length > 40) break;
  }
  // The header follows the envelope and the banner: publisher or mail-client text above either
  // (`Subject: TRIPOLI 00000982 O UN 29-DEC-08 …` of an e-mail header, 08TRIPOLI982) is not it.
  const headerFrom = Math.max(cable.envelope?.range.start.offset ?? 0, cable.banner?.range.start.offset ?? 0);
  for (const w of cable.wrapper) {
    if (w.role === 'preamble' && w.text.length > 60 && w.range.start.offset >= headerFrom) windows.push([w.range.start.offset, w.range.end.offset]);
  }
  for (const p of cable.passLines) windows.push([p.range.start.offset, p.range.end.offset]);
  for (const [a, b] of windows) {
    const s = doc.text.slice(a, b);
    const hits: { field: FieldKind; at: number }[] = [];
    const re = MIDLINE_FIELD.re;
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) hits.push({ field: midLineFieldOf(m), at: a + m.index });
    // A paragraph number or portion mark ends the last field.
    const paraStop = /(?:^|\s)(?:¶ ?)?1\.\s+\(|\s¶\d/.exec(s);
    const stop = paraStop ? a + paraStop.index : b;
    hits.forEach((h, i) => {
      if (hasField(cable, h.field) || !missing.includes(h.field)) return;
      if (h.field === 'tags' && !/^TAGS?\s*:|^TAGS\s/.test(doc.text.slice(h.at, h.at + 6))) {
        // Lower-case `tags:` needs its colon to be believed.
        if (!/^tags?:/i.test(doc.text.slice(h.at, h.at + 5))) return;
      }
      const next = hits[i + 1];
      let end = Math.min(next ? next.at : b, h.at < stop ? stop : b);
      while (end > h.at && /[\s,;]/.test(doc.text[end - 1]!)) end--;
      if (end <= h.at) return;
      addField(cable, doc, h.field, [[h.at, end]], true);
    });
  }
}
