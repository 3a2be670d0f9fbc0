/**
 * The classified spans of a cable ("what is at this offset"), built once per tree and shared
 * by hover, semantic tokens, navigation and selection ranges. Spans are sorted and disjoint, so
 * a lookup is one binary search instead of a rescan of the text.
 */
import type {
  Addressee,
  Banner,
  BlockMark,
  Cable,
  Caption,
  DeLine,
  Dtg,
  EoLine,
  PageMarker,
  Paragraph,
  PrecedenceLine,
  RefItem,
  SecurityLine,
  Signature,
  TagToken,
  TagsLine,
  TransmissionId,
  WrapperPart,
} from '../../../grammar/src/ast';
import { lastAtOrBelow } from '../../../grammar/src/positions';
import { modelOf } from '../model/index';
import type { ParagraphReference, RefCitation } from '../model/references';

/** One classified piece of text. `start`/`end` are offsets, end exclusive. */
export type Token = { start: number; end: number } & (
  | { role: 'transmissionId'; line: TransmissionId }
  | { role: 'prosign'; line: PrecedenceLine }
  | { role: 'routingIndicator'; ri: string }
  | { role: 'envelopeKeyword'; word: string }
  | { role: 'stationSerial'; de: DeLine }
  | { role: 'dePart'; de: DeLine }
  | { role: 'julian'; de: DeLine }
  | { role: 'security'; line: SecurityLine }
  | { role: 'dtgPrecedence'; dtg: Dtg; letter: string; info: boolean }
  | { role: 'dtgValue'; dtg: Dtg }
  | { role: 'plad'; line: Addressee }
  | { role: 'addresseePrecedence'; line: Addressee }
  | { role: 'sequence'; line: Addressee }
  | { role: 'bannerLevel'; banner: Banner }
  | { role: 'sectionMarker'; banner: Banner }
  | { role: 'bannerPost'; banner: Banner }
  | { role: 'bannerSerial'; banner: Banner }
  | { role: 'caption'; name: string; caption?: Caption }
  | { role: 'fieldKeyword'; field: 'E.O.' | 'DECL' | 'DNG' | 'TAGS' | 'SUBJECT' | 'REF' | 'Classified By' }
  | { role: 'eoOrder'; eo: EoLine }
  | { role: 'eoBody'; eo: EoLine }
  | { role: 'tag'; tag: TagToken; line: TagsLine }
  | { role: 'subjectText' }
  | { role: 'refLetter'; item: RefItem }
  | { role: 'refTarget'; item: RefItem }
  | { role: 'refCitation'; citation: RefCitation; keyword?: boolean }
  | { role: 'authority' }
  | { role: 'reasonSection' }
  | { role: 'reasonLetter'; letter: string }
  | { role: 'paragraphNumber'; paragraph: Paragraph }
  | { role: 'portionMark'; paragraph: Paragraph }
  | { role: 'paragraphReference'; reference: ParagraphReference; keyword?: boolean }
  | { role: 'pageMarker'; marker: PageMarker }
  | { role: 'blockMark'; mark: BlockMark }
  | { role: 'signature'; signature: Signature }
  | { role: 'wrapper'; part: WrapperPart }
);

export type Role = Token['role'];

/**
 * Roles that cover free text around more specific spans (a wrapper line can hold a reflowed
 * header, a REF target a cited cable). They yield to any specific span they overlap.
 */
const BACKGROUND: ReadonlySet<Role> = new Set<Role>(['wrapper', 'subjectText', 'refTarget', 'authority', 'plad', 'pageMarker', 'signature']);

export interface PositionIndex {
  /** Sorted by start, pairwise disjoint. */
  tokens: readonly Token[];
  refCitations: readonly RefCitation[];
  paragraphReferences: readonly ParagraphReference[];
  /** The token containing `offset`; at a boundary between two, the one that starts there. */
  at(offset: number): Token | undefined;
}

const POSITION_INDEX = Symbol('position index');

export function positionIndex(cable: Cable): PositionIndex {
  return modelOf(cable).view(POSITION_INDEX, () => build(cable));
}

type Push = (start: number | undefined, end: number | undefined, t: DistributiveOmit<Token, 'start' | 'end'>) => void;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

function build(cable: Cable): PositionIndex {
  const specific: Token[] = [];
  const background: Token[] = [];
  const push: Push = (start, end, t) => {
    if (start === undefined || end === undefined || end <= start) return;
    const token = { ...t, start, end } as Token;
    (BACKGROUND.has(token.role) ? background : specific).push(token);
  };
  const spanPush = (s: { range: { start: { offset: number }; end: { offset: number } } } | undefined, t: DistributiveOmit<Token, 'start' | 'end'>) =>
    s && push(s.range.start.offset, s.range.end.offset, t);

  for (const w of cable.wrapper) spanPush(w, { role: 'wrapper', part: w });
  envelopeTokens(cable, push, spanPush);
  bannerTokens(cable, spanPush);
  headerTokens(cable, push, spanPush);

  for (const p of cable.paragraphs) {
    if (p.ambiguous) continue;
    spanPush(p.numberText, { role: 'paragraphNumber', paragraph: p });
    if (p.portionMark) spanPush(p.portionMark, { role: 'portionMark', paragraph: p });
  }
  for (const m of cable.pageMarkers) spanPush(m, { role: 'pageMarker', marker: m });
  for (const b of cable.sectionBanners) bannerLine(b, spanPush);
  for (const m of modelOf(cable).blocks.marks) spanPush(m, { role: 'blockMark', mark: m });
  if (cable.signature) spanPush(cable.signature, { role: 'signature', signature: cable.signature });

  const model = modelOf(cable);
  const refCitations = model.references.citations;
  for (const c of refCitations) {
    // `reftel` alone: the word is the citation (a keyword, as `REF` of `REF A` is).
    if (c.letter === undefined) {
      spanPush({ range: c.range }, { role: 'refCitation', citation: c, keyword: true });
      continue;
    }
    // `REF` / `REFS` / `REFTEL` before the first letter: the same citation.
    if (c.first) push(c.citation.start.offset, keywordEnd(cable.text, c.citation.start.offset, c.range.start.offset), { role: 'refCitation', citation: c, keyword: true });
    spanPush({ range: c.range }, { role: 'refCitation', citation: c });
  }
  const paragraphReferences = model.references.paragraphs;
  let lastCitation = -1;
  for (const r of paragraphReferences) {
    const s = r.citation.start.offset;
    if (s !== lastCitation) push(s, keywordEnd(cable.text, s, r.range.start.offset), { role: 'paragraphReference', reference: r, keyword: true });
    lastCitation = s;
    spanPush({ range: r.range }, { role: 'paragraphReference', reference: r });
  }

  const tokens = merge(disjoint(specific), background);
  return {
    tokens,
    refCitations,
    paragraphReferences,
    at(offset) {
      const found = lastAtOrBelow(tokens, offset, (t) => t.start);
      // A cursor just after a word (keyboard hover, `REF A|`) still means that word; one on
      // the first character of the next token means that one (found is the last start <= offset).
      return found >= 0 && offset <= tokens[found]!.end ? tokens[found] : undefined;
    },
  };
}

/** End of the keyword before a citation's first letter or number (`REF (A)`, `paras 5`). */
function keywordEnd(text: string, start: number, firstAt: number): number {
  let e = firstAt;
  while (e > start && /[\s(.¶]/.test(text[e - 1]!) && !(text[e - 1] === '¶' && e - 1 === start)) e--;
  return e;
}

/** Sorted, and of two overlapping spans the earlier (then the shorter) is kept. */
function disjoint(tokens: Token[]): Token[] {
  tokens.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && t.start < last.end) continue;
    out.push(t);
  }
  return out;
}

/** Adds background spans that overlap no specific span (nor each other). */
function merge(specific: Token[], background: Token[]): Token[] {
  background.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Token[] = [];
  let i = 0;
  let lastEnd = -1;
  for (const b of background) {
    while (i < specific.length && specific[i]!.end <= b.start) {
      out.push(specific[i]!);
      lastEnd = Math.max(lastEnd, specific[i]!.end);
      i++;
    }
    const next = specific[i];
    if (b.start < lastEnd || (next && next.start < b.end)) continue;
    out.push(b);
    lastEnd = b.end;
  }
  for (; i < specific.length; i++) out.push(specific[i]!);
  return out;
}

type SpanPush = (
  s: { range: { start: { offset: number }; end: { offset: number } } } | undefined,
  t: DistributiveOmit<Token, 'start' | 'end'>,
) => void;

function envelopeTokens(cable: Cable, push: Push, spanPush: SpanPush): void {
  const env = cable.envelope;
  if (!env) return;
  for (const ri of modelOf(cable).envelope.routingIndicators) spanPush(ri.span, { role: 'routingIndicator', ri: ri.span.text });
  for (const line of env.lines) {
    const start = line.range.start.offset;
    const keyword = /^(DE|FM|TO|INFO|XMT)\b/.exec(line.text);
    if (keyword && line.lineKind !== 'addressee') push(start, start + keyword[1]!.length, { role: 'envelopeKeyword', word: keyword[1]! });
    switch (line.lineKind) {
      case 'transmissionId':
        spanPush(line, { role: 'transmissionId', line: line as TransmissionId });
        break;
      case 'precedence': {
        const p = line as PrecedenceLine;
        spanPush(p.prosign, { role: 'prosign', line: p });
        break;
      }
      case 'de': {
        const de = line as DeLine;
        spanPush(de.stationSerial, { role: 'stationSerial', de });
        spanPush(de.part, { role: 'dePart', de });
        spanPush(de.julian, { role: 'julian', de });
        break;
      }
      case 'security': {
        const s = line as SecurityLine;
        spanPush(s.operator, { role: 'security', line: s });
        spanPush(s.code, { role: 'security', line: s });
        break;
      }
      case 'dtg': {
        const d = line as Dtg;
        if (d.precedence) spanPush(d.precedence, { role: 'dtgPrecedence', dtg: d, letter: d.precedence.text, info: false });
        if (d.infoPrecedence) spanPush(d.infoPrecedence, { role: 'dtgPrecedence', dtg: d, letter: d.infoPrecedence.text, info: true });
        spanPush(d.value, { role: 'dtgValue', dtg: d });
        break;
      }
      default: {
        const a = line as Addressee;
        spanPush(a.plad, { role: 'plad', line: a });
        spanPush(a.precedence, { role: 'addresseePrecedence', line: a });
        spanPush(a.sequence, { role: 'sequence', line: a });
        break;
      }
    }
  }
}

function bannerLine(b: Banner, spanPush: SpanPush): void {
  spanPush(b.levelText, { role: 'bannerLevel', banner: b });
  spanPush(b.section, { role: 'sectionMarker', banner: b });
  spanPush(b.post, { role: 'bannerPost', banner: b });
  spanPush(b.serial, { role: 'bannerSerial', banner: b });
}

function bannerTokens(cable: Cable, spanPush: SpanPush): void {
  if (cable.banner) bannerLine(cable.banner, spanPush);
  // Caption words where the model reads them: on caption lines and glued to the banner.
  for (const w of modelOf(cable).classification.captionWords) {
    spanPush(w.span, w.caption ? { role: 'caption', name: w.name, caption: w.caption } : { role: 'caption', name: w.name });
  }
  for (const c of cable.captions) if (!c.known) spanPush(c, { role: 'caption', name: c.names[0] ?? c.text.trim(), caption: c });
}

function headerTokens(cable: Cable, push: Push, spanPush: SpanPush): void {
  const { text } = cable;
  const eo = cable.eo;
  if (eo) {
    const s = eo.range.start.offset;
    const kwEnd = eo.order ? eo.order.range.start.offset : s;
    let e = kwEnd;
    while (e > s && /[\s:]/.test(text[e - 1]!)) e--;
    push(s, e, { role: 'fieldKeyword', field: 'E.O.' });
    spanPush(eo.order, { role: 'eoOrder', eo });
    if (eo.body) {
      const b = eo.body.range.start.offset;
      const kw = /^(DECL(?:ASSIFY)?|DNG)\s*:?/i.exec(eo.body.text);
      if (kw) push(b, b + kw[0].length, { role: 'fieldKeyword', field: kw[1]!.toUpperCase().startsWith('DNG') ? 'DNG' : 'DECL' });
      if (eo.decl) spanPush(eo.decl, { role: 'eoBody', eo });
      else if (!kw) spanPush(eo.body, { role: 'eoBody', eo });
    }
  }
  for (const line of cable.tags) {
    spanPush(line.keyword, { role: 'fieldKeyword', field: 'TAGS' });
    for (const tag of line.tags) spanPush(tag, { role: 'tag', tag, line });
  }
  const subject = cable.subject;
  if (subject) {
    spanPush(subject.keyword, { role: 'fieldKeyword', field: 'SUBJECT' });
    for (const s of subject.textSpans) spanPush(s, { role: 'subjectText' });
  }
  const refs = cable.refs;
  if (refs) {
    spanPush(refs.keyword, { role: 'fieldKeyword', field: 'REF' });
    for (const item of refs.items) {
      if (item.letterSpan) spanPush(item.letterSpan, { role: 'refLetter', item });
      spanPush(item.target, { role: 'refTarget', item });
    }
  }
  const cb = cable.classifiedBy;
  if (cb) {
    spanPush(cb.keyword, { role: 'fieldKeyword', field: 'Classified By' });
    spanPush(cb.authority, { role: 'authority' });
    spanPush(cb.reasonSectionSpan, { role: 'reasonSection' });
    for (const l of cb.reasonLetters) spanPush(l, { role: 'reasonLetter', letter: l.text.toLowerCase() });
  }
}
