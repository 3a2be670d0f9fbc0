/**
 * Completion by place: TAGS codes on a TAGS line; banner, captions and header-field skeletons
 * at a line start in the classification and header region; the next paragraph number at a line
 * start in the text; portion marks right after a paragraph number.
 */
import {
  type CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type Range as LspRange,
} from 'vscode-languageserver-types';
import type { Cable, LevelRank, Paragraph } from '../../../grammar/src/ast';
import { allTags, type CableDay, headerCode, headerCodesByField, postByBannerPost, tagInfoOn, tagOn } from '../data/index';
import { modelOf } from '../model/index';
import { KNOWN_CAPTIONS } from '../model/classification';
import { explainCaption, explainPortionMark, explainTag, portionMarksUpTo, rankOfLevel, tagDay } from './explain';
import { TRUST_ORDER } from './new-draft';
import { lspRangeAt, offsetOf, type PositionLike } from './ranges';

/** `now` dates an undated draft, for the meanings of TAGS codes (see `hover`). */
export function completions(cable: Cable, position: PositionLike, now?: Date): CompletionItem[] {
  try {
    const offset = offsetOf(cable, position);
    if (offset === undefined) return [];
    return complete(cable, position.line, offset, now);
  } catch {
    return [];
  }
}

function complete(cable: Cable, lineNo: number, offset: number, now: Date | undefined): CompletionItem[] {
  const line = cable.lines[lineNo]!;
  const before = cable.text.slice(line.start, offset);
  const env = cable.envelope;
  if (env && env.range.start.offset <= offset && offset <= env.range.end.offset) return [];

  if (onTagsLine(cable, lineNo, offset, before)) return tagItems(cable, offset, before, tagDay(cable, now));

  const afterNumber = /^\s*(?:- )?(?:¶ ?|\$\\underline\{\\P\}|\\P)?\d{1,3} ?\.\$?\s*(\([A-Za-z/]*)?$/.exec(before);
  const cb = cable.classifiedBy;
  const inClassifiedBy = cb !== undefined && cb.range.start.offset <= offset && offset <= cb.range.end.offset;
  if (afterNumber && !inClassifiedBy) {
    return portionMarkItems(cable, offset - (afterNumber[1]?.length ?? 0), offset);
  }

  const atLineStart = /^\s*([A-Za-z.¶]*|\d{1,3})$/.exec(before);
  if (!atLineStart) return [];
  const typed = atLineStart[1] ?? '';
  const replace = lspRangeAt(cable, offset - typed.length, offset);
  const previous = paragraphBefore(cable, offset);
  const items: CompletionItem[] = [];
  if (!previous) {
    if (!/^\d/.test(typed)) items.push(...headerItems(cable, replace));
    const numbered = cable.paragraphs.some((p) => !p.ambiguous);
    if (!numbered && (cable.banner || cable.headerOrder.length)) items.push(paragraphItem(cable, undefined, replace));
  } else {
    items.push(paragraphItem(cable, previous, replace));
  }
  return items;
}

/** On a TAGS line after its keyword (the parsed field, or a line the user is still typing). */
function onTagsLine(cable: Cable, lineNo: number, offset: number, before: string): boolean {
  if (/^\s*TAGS?\s*:?\s/i.test(before) && !paragraphBefore(cable, offset)) return true;
  for (const t of cable.tags) {
    // Up to one blank past the last code: typing the next code.
    const within = t.range.start.line <= lineNo && lineNo <= t.range.end.line && offset >= t.keyword.range.end.offset && offset <= t.range.end.offset + 1;
    if (within && !/^\s*(?:SUBJ|REF|E\.?O|CLASSIFIED)/i.test(before)) return true;
  }
  return false;
}

function tagItems(cable: Cable, offset: number, before: string, day: CableDay | undefined): CompletionItem[] {
  const prefix = /[A-Za-z0-9/-]*$/.exec(before)![0];
  const upper = prefix.toUpperCase();
  const present = new Set(cable.tags.flatMap((l) => l.tags.map((t) => t.text.toUpperCase())));
  const replace = lspRangeAt(cable, offset - prefix.length, offset);
  const kindOrder = { subject: 0, program: 1, organization: 2, geographic: 3 } as const;
  const items: CompletionItem[] = [];
  for (const current of allTags()) {
    if (upper && !current.code.startsWith(upper)) continue;
    if (present.has(current.code) && current.code !== upper) continue;
    const dated = day === undefined ? undefined : tagOn(current.code, day);
    // A code with no meaning on the cable's day (a 1974 country code after 1995) is not offered.
    if (dated && !dated.reading) continue;
    const tag = (day === undefined ? current : tagInfoOn(current.code, day)) ?? current;
    // In use on the cable's day: a meaning from a source of that day, not one from a later source.
    const inUse = dated?.fromLaterSource !== true;
    items.push({
      label: tag.code,
      kind: tag.kind === 'geographic' ? CompletionItemKind.Constant : CompletionItemKind.EnumMember,
      detail: `${tag.kind}: ${tag.meaning} (${tag.status}, ${tag.sourceName})`,
      documentation: { kind: MarkupKind.Markdown, value: explainTag(tag.code, true, day) },
      textEdit: { range: replace, newText: tag.code },
      // Codes in use on the day first, the most trusted first (a handbook's word before a
      // secondary source's, an inferred meaning last), then subject and program tags (every
      // cable needs one), busiest first.
      sortText: `${inUse ? 0 : 1}${TRUST_ORDER[tag.status]}${kindOrder[tag.kind]}${String(999999 - Math.min(tag.corpusCount, 999999)).padStart(6, '0')}${tag.code}`,
    });
  }
  return items;
}

/** The last numbered paragraph starting before `offset`. */
function paragraphBefore(cable: Cable, offset: number): Paragraph | undefined {
  let lo = 0;
  let hi = cable.paragraphs.length - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cable.paragraphs[mid]!.range.start.offset < offset) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (; k >= 0; k--) if (!cable.paragraphs[k]!.ambiguous) return cable.paragraphs[k];
  return undefined;
}

function bannerRank(cable: Cable): LevelRank | undefined {
  return cable.banner ? rankOfLevel(cable.banner.level) : undefined;
}

/** `4. (C) ` with the mark as a choice among those allowed under the banner. */
function paragraphItem(cable: Cable, previous: Paragraph | undefined, replace: LspRange): CompletionItem {
  const n = previous ? previous.number + 1 : 1;
  const style = previous?.pilcrow ? '¶' : '';
  const rank = bannerRank(cable);
  const marks = portionMarksUpTo(rank).map((m) => m.slice(1, -1));
  // The banner's own level first: the most likely mark.
  const own = rank === undefined ? undefined : (['U', 'C', 'S', 'TS'] as const)[rank];
  const ordered = own ? [own, ...marks.filter((m) => m !== own)] : marks;
  const label = `${style}${n}.`;
  return {
    label,
    kind: CompletionItemKind.Snippet,
    detail: `paragraph ${n} with a portion mark`,
    documentation: {
      kind: MarkupKind.Markdown,
      value: `Next paragraph number${previous ? ` after ${previous.number}` : ''}, then a portion mark at or below the banner level${cable.banner ? ` (${cable.banner.level})` : ''}.`,
    },
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: replace, newText: `${label} (\${1|${ordered.join(',')}|}) $0` },
    filterText: label,
    sortText: '0',
    preselect: true,
  };
}

function portionMarkItems(cable: Cable, from: number, offset: number): CompletionItem[] {
  const replace = lspRangeAt(cable, from, offset);
  const level = cable.banner?.level;
  return portionMarksUpTo(bannerRank(cable)).map((mark, i) => ({
    label: mark,
    kind: CompletionItemKind.EnumMember,
    detail: headerCode('portion mark', mark)?.meaning ?? 'portion mark',
    documentation: { kind: MarkupKind.Markdown, value: explainPortionMark(mark, level) },
    textEdit: { range: replace, newText: `${mark} ` },
    sortText: String(i).padStart(2, '0'),
  }));
}

/** The model's known captions; CORRECTED COPY is written letter-spaced with its reason, not picked from a list. */
const CAPTIONS = KNOWN_CAPTIONS.map((c) => c.name).filter((n) => n !== 'CORRECTED COPY');

function headerItems(cable: Cable, replace: LspRange): CompletionItem[] {
  const items: CompletionItem[] = [];
  const edit = (newText: string) => ({ range: replace, newText });
  if (!cable.banner) {
    const post = cable.envelope?.fm?.plad ? postByBannerPost(cable.envelope.fm.plad.text)?.bannerPost : undefined;
    for (const c of headerCodesByField('classification line')) {
      if (c.code === 'UNCLAS E F T O') continue;
      items.push({
        label: c.code,
        kind: CompletionItemKind.Keyword,
        detail: 'banner',
        documentation: { kind: MarkupKind.Markdown, value: `Banner skeleton: level, post, serial.\n\n${c.meaning}.\n\n_Source: ${c.source}_` },
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: edit(`${c.code} \${1:${post ?? 'POST'}} \${2:000000}`),
        sortText: `1${c.code}`,
      });
    }
  }
  const have = modelOf(cable).classification.captions;
  for (const name of CAPTIONS) {
    if (have.has(name)) continue;
    items.push({
      label: name,
      kind: CompletionItemKind.Constant,
      detail: 'caption',
      documentation: { kind: MarkupKind.Markdown, value: explainCaption(name) },
      textEdit: edit(name),
      sortText: `2${name}`,
    });
  }
  const classified = cable.banner ? rankOfLevel(cable.banner.level) >= 1 : true;
  if (!cable.eo) {
    const date = modelOf(cable).dates.cableDate;
    const order = date && Date.UTC(date.year, date.month - 1, date.day) >= Date.UTC(2010, 5, 27) ? '13526' : '12958';
    const decl = date ? `${String(date.month).padStart(2, '0')}/${String(date.day).padStart(2, '0')}/${date.year + 10}` : 'MM/DD/YYYY';
    items.push({
      label: `E.O. ${order}: DECL: ${decl}`,
      kind: CompletionItemKind.Snippet,
      detail: 'E.O. line (classified)',
      documentation: { kind: MarkupKind.Markdown, value: `Executive order and declassification date${date ? ': ten years after the DTG, the usual choice' : ''}.` },
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: edit(`E.O. \${1:${order}}: DECL: \${2:${decl}}`),
      filterText: 'E.O.',
      sortText: classified ? '00' : '01',
    });
    items.push({
      label: `E.O. ${order}: N/A`,
      kind: CompletionItemKind.Snippet,
      detail: 'E.O. line (unclassified)',
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: edit(`E.O. \${1:${order}}: N/A`),
      filterText: 'E.O.',
      sortText: classified ? '01' : '00',
    });
  }
  const field = (label: string, snippet: string, detail: string, sort: string) =>
    items.push({ label, kind: CompletionItemKind.Keyword, detail, insertTextFormat: InsertTextFormat.Snippet, textEdit: edit(snippet), sortText: sort });
  if (!cable.tags.length) field('TAGS:', 'TAGS: $0', 'subject, program and geographic codes', '02');
  if (!cable.subject) field('SUBJECT:', 'SUBJECT: $0', 'subject line, upper case', '03');
  if (!cable.refs) field('REF:', 'REF: A. $0', 'lettered references', '04');
  if (!cable.classifiedBy && classified) {
    field('Classified By:', 'Classified By: ${1:name and title} for reasons ${2:1.4} (${3:b}) and (${4:d}).', 'classifying official and reasons', '05');
  }
  return items;
}
