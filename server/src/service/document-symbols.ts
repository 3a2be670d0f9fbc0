/**
 * The outline: envelope, banner with its captions, header fields, then the text by section,
 * paragraph and block. Every child range lies inside its parent's, and every selection range
 * inside its own range (VS Code rejects the whole answer otherwise).
 */
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { Addressee, Cable, EnvelopeLine, HeaderField, Paragraph } from '../../../grammar/src/ast';
import type { BlockSpan } from '../model/blocks';
import { modelOf } from '../model/index';
import { blockLeftOpen, describeDtg, precedenceName } from './explain';
import { lspRangeAt } from './ranges';
import { bodyStructure, type BodyNode, type Section } from './structure';

export function documentSymbols(cable: Cable): DocumentSymbol[] {
  try {
    return build(cable);
  } catch {
    return [];
  }
}

interface Sym {
  name: string;
  detail?: string;
  kind: SymbolKind;
  start: number;
  end: number;
  selStart: number;
  selEnd: number;
  children: Sym[];
}

function sym(name: string, kind: SymbolKind, start: number, end: number, selStart = start, selEnd = end, detail?: string, children: Sym[] = []): Sym {
  return { name, kind, start, end, selStart, selEnd, children, ...(detail ? { detail } : {}) };
}

function build(cable: Cable): DocumentSymbol[] {
  const top: Sym[] = [];
  const wrapper = leadingWrapper(cable);
  if (wrapper) top.push(wrapper);
  if (cable.envelope) top.push(envelopeSymbol(cable));
  top.push(...classificationSymbols(cable));
  for (const f of cable.headerOrder) top.push(fieldSymbol(cable, f));

  const body = bodyStructure(cable);
  top.push(...body.before.map((n) => bodyNodeSymbol(cable, n)));
  for (const s of body.sections) top.push(sectionSymbol(cable, s));
  if (body.signature) top.push(bodyNodeSymbol(cable, body.signature));

  top.sort((a, b) => a.start - b.start || b.end - a.end);
  return top.map((s) => toLsp(cable, s, 0, cable.text.length));
}

/** Converts, clamping each range into its parent's so that the containment guarantee holds. */
function toLsp(cable: Cable, s: Sym, lo: number, hi: number): DocumentSymbol {
  const start = Math.min(Math.max(s.start, lo), hi);
  const end = Math.max(start, Math.min(s.end, hi));
  const selStart = Math.min(Math.max(s.selStart, start), end);
  const selEnd = Math.max(selStart, Math.min(s.selEnd, end));
  const out: DocumentSymbol = {
    // Wrapped fields and REF targets span lines; an outline entry is one line.
    name: s.name.replace(/\s+/g, ' ').trim() || '(empty)',
    kind: s.kind,
    range: lspRangeAt(cable, start, end),
    selectionRange: lspRangeAt(cable, selStart, selEnd),
  };
  if (s.detail) out.detail = s.detail.replace(/\s+/g, ' ').trim();
  if (s.children.length) out.children = s.children.map((c) => toLsp(cable, c, start, end));
  return out;
}

function leadingWrapper(cable: Cable): Sym | undefined {
  const firstOwn = Math.min(
    cable.envelope?.range.start.offset ?? Infinity,
    cable.banner?.range.start.offset ?? Infinity,
    cable.headerOrder[0]?.range.start.offset ?? Infinity,
    cable.textStart,
  );
  const parts = cable.wrapper.filter((w) => w.range.end.offset <= firstOwn && w.role !== 'envelope-copy');
  if (!parts.length) return undefined;
  const start = parts[0]!.range.start.offset;
  const end = parts[parts.length - 1]!.range.end.offset;
  const note = parts.find((p) => p.role === 'partial-extract-note');
  return sym('Publication wrapper', SymbolKind.File, start, end, start, parts[0]!.range.end.offset, note ? 'partial extract' : 'publisher text');
}

const LINE_DETAIL: Record<EnvelopeLine['lineKind'], string> = {
  transmissionId: 'transmission id',
  precedence: 'precedence and routing',
  routingContinuation: 'routing, continued',
  de: 'originating station, serial, Julian date-time',
  security: 'security warning',
  dtg: 'date-time group',
  fm: 'from',
  to: 'action addressee',
  info: 'information addressee',
  xmt: 'excluded addressee',
  addressee: 'addressee',
};

function envelopeSymbol(cable: Cable): Sym {
  const env = cable.envelope!;
  const malformed = modelOf(cable).envelope.routingIndicators.filter((r) => !r.wellFormed);
  const children = env.lines.map((l) => {
    let detail = LINE_DETAIL[l.lineKind];
    const bad = malformed.filter((r) => r.line === l).map((r) => r.span.text);
    if (l.lineKind === 'dtg' && env.dtg === l) detail = describeDtg(env.dtg) ?? detail;
    if (l.lineKind === 'precedence' && env.precedence) detail = `${precedenceName(env.precedence.prosign.text) ?? 'precedence'}; routing`;
    if (l.lineKind === 'addressee') detail = env.to.includes(l as Addressee) ? 'action addressee' : 'information addressee';
    // The model's verdict, as the rules and the hover give it (R followed by 3–7 letters).
    if (bad.length) detail = `${detail}; malformed routing indicator ${bad.join(', ')}`;
    const kind = l.lineKind === 'dtg' ? SymbolKind.Event : l.lineKind === 'fm' || l.lineKind === 'to' || l.lineKind === 'info' || l.lineKind === 'addressee' || l.lineKind === 'xmt' ? SymbolKind.Field : SymbolKind.Constant;
    return sym(l.text, kind, l.range.start.offset, l.range.end.offset, l.range.start.offset, l.range.end.offset, detail);
  });
  const dtg = env.dtg ? describeDtg(env.dtg) : undefined;
  return sym('Envelope', SymbolKind.Package, env.range.start.offset, env.range.end.offset, env.range.start.offset, env.lines[0]!.range.end.offset, dtg, children);
}

/** The banner owns the captions and pass lines between it and the first header field. */
function classificationSymbols(cable: Cable): Sym[] {
  const out: Sym[] = [];
  const b = cable.banner;
  const fieldStart = Math.min(cable.headerOrder[0]?.range.start.offset ?? Infinity, cable.textStart);
  const lines = [
    ...cable.captions.map((c) => ({ node: c, sym: sym(c.names.join(' ') || c.text, SymbolKind.Constant, c.range.start.offset, c.range.end.offset, undefined, undefined, c.known ? 'caption' : 'unknown caption') })),
    ...cable.passLines.map((p) => ({ node: p, sym: sym(p.text, SymbolKind.String, p.range.start.offset, p.range.end.offset, undefined, undefined, 'pass line') })),
  ].sort((x, y) => x.sym.start - y.sym.start);
  if (b) {
    const bs = b.range.start.offset;
    const owned = new Set(lines.filter((l) => l.sym.start > bs && l.sym.end <= Math.max(fieldStart, b.range.end.offset)));
    const end = Math.max(b.range.end.offset, ...[...owned].map((l) => l.sym.end));
    const detail = [b.level, b.section ? `section ${b.section.number} of ${b.section.total}` : '', b.gluedCaptions.join(' ')].filter(Boolean).join(', ');
    out.push(sym(b.text, SymbolKind.Class, bs, end, bs, b.range.end.offset, detail, [...owned].map((l) => l.sym)));
    for (const l of lines) if (!owned.has(l)) out.push(l.sym);
  } else {
    out.push(...lines.map((l) => l.sym));
  }
  for (const m of cable.malformedBanners) out.push(sym(m.text, SymbolKind.Class, m.range.start.offset, m.range.end.offset, undefined, undefined, 'malformed banner'));
  return out;
}

function fieldSymbol(cable: Cable, f: HeaderField): Sym {
  const s = f.range.start.offset;
  const e = f.range.end.offset;
  switch (f.kind) {
    case 'EoLine':
      return sym(`E.O.${f.order ? ` ${f.order.text}` : ''}`, SymbolKind.Property, s, e, s, f.order?.range.end.offset ?? e, f.body?.text);
    case 'TagsLine':
      return sym('TAGS', SymbolKind.Property, s, e, f.keyword.range.start.offset, f.keyword.range.end.offset, f.tags.map((t) => t.text).join(' '));
    case 'SubjectLine':
      return sym('SUBJECT', SymbolKind.Property, s, e, f.keyword.range.start.offset, f.keyword.range.end.offset, f.subject);
    case 'RefList': {
      const items = f.items.map((i) => {
        const a = i.range.start.offset;
        const name = i.letter ? `${i.letter}. ${i.target.text}` : i.target.text;
        return sym(name, SymbolKind.Key, a, i.range.end.offset, a, (i.letterSpan ?? i.target).range.end.offset);
      });
      return sym('REF', SymbolKind.Property, s, e, f.keyword.range.start.offset, f.keyword.range.end.offset, `${f.items.length} reference${f.items.length === 1 ? '' : 's'}`, items);
    }
    case 'ClassifiedBy': {
      const reasons = f.reasonSection ? `${f.reasonSection}${f.reasonLetters.length ? ` (${f.reasonLetters.map((l) => l.text).join(', ')})` : ''}` : f.derivedFrom ? 'derived' : '';
      const detail = [f.authority?.text.replace(/\s+/g, ' '), reasons].filter(Boolean).join('; ');
      const firstLineEnd = cable.lines[f.range.start.line]!.end;
      return sym('Classified By', SymbolKind.Property, s, e, s, Math.min(e, firstLineEnd), detail);
    }
  }
}

function sectionSymbol(cable: Cable, s: Section): Sym {
  const name = `Section ${s.number}${s.total ? ` of ${s.total}` : ''}`;
  const detail = s.marker ? (s.marker.kind === 'PageMarker' ? s.marker.text.trim() : 'section banner') : 'before the first page marker';
  return sym(name, SymbolKind.Module, s.start, s.end, s.selStart, s.selEnd, detail, s.children.map((c) => bodyNodeSymbol(cable, c)));
}

function bodyNodeSymbol(cable: Cable, n: BodyNode): Sym {
  const children = n.children.map((c) => bodyNodeSymbol(cable, c));
  switch (n.kind) {
    case 'paragraph':
      return sym(paragraphName(n.node), SymbolKind.Object, n.start, n.end, n.selStart, n.selEnd, n.node.portionMark?.text, children);
    case 'heading':
      return sym(n.node.text, SymbolKind.Namespace, n.start, n.end, n.selStart, n.selEnd, 'heading', children);
    case 'block': {
      const closed = blockState(cable, n.node);
      return sym(n.node.block, SymbolKind.Event, n.start, n.end, n.selStart, n.selEnd, closed, children);
    }
    case 'subParagraph': {
      const line = cable.text.slice(n.node.letterSpan.range.end.offset, n.end);
      return sym(`${n.node.letterSpan.text.trim()} ${firstWords(line)}`, SymbolKind.EnumMember, n.start, n.end, n.selStart, n.selEnd, undefined, children);
    }
    case 'signature':
      return sym(n.node.text, SymbolKind.Constant, n.start, n.end, n.selStart, n.selEnd, 'signature', children);
  }
}

/** Whether and how a block closes, as the rules read it (CBL100–CBL104), in the hover's words. */
function blockState(cable: Cable, b: BlockSpan): string {
  if (b.heading) return 'heading';
  if (b.opens.by === 'none') return 'end without opener';
  switch (b.closes.by) {
    case 'end':
      return b.opens.by === 'mark' ? 'closed' : b.opens.by === 'heading' ? 'closed, opened by a heading' : 'closed, no opener needed';
    case 'paren':
      return 'closed by )';
    case 'paragraph':
      return 'ends with its paragraph';
    case 'none':
      return b.opens.by === 'mark' ? blockLeftOpen(cable, b.opens.mark, true) : 'not closed';
  }
}

/** `3. A senior ministry contact…`: the normalised number and the first words. */
export function paragraphName(p: Paragraph): string {
  return `${p.number}. ${firstWords(p.lead)}`.trim();
}

function firstWords(text: string, count = 4): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length <= count) return words.join(' ');
  return `${words.slice(0, count).join(' ')}…`;
}
