/**
 * Hover: what the code under the cursor means and where that meaning comes from. The node is
 * found through the position index (one binary search), never by rescanning the text.
 */
import { type Hover, MarkupKind } from 'vscode-languageserver-types';
import type { BlockMark, Cable, Paragraph, RefItem, RefList } from '../../../grammar/src/ast';
import type { BlockSpan } from '../model/blocks';
import { modelOf } from '../model/index';
import { headerCode, postByBannerPost, refIdPostFor } from '../data/index';
import {
  blockLeftOpen,
  capitalise,
  describeDtg,
  explainCaption,
  explainDecl,
  explainJulian,
  explainOrder,
  explainPortionMark,
  explainReasons,
  explainRoutingIndicator,
  explainTag,
  explainTagEntry,
  precedenceName,
  precedenceSource,
  rankOfLevel,
  SPEC,
  tagDay,
} from './explain';
import { positionIndex, type Token } from './position-index';
import { lspRangeAt, offsetOf, type PositionLike } from './ranges';

/**
 * `now` dates an undated draft, as the linter's clock does: TAGS are read as a cable of its date
 * reads them. Without it codes are read by the latest sources.
 */
export function hover(cable: Cable, position: PositionLike, now?: Date): Hover | null {
  try {
    const offset = offsetOf(cable, position);
    if (offset === undefined) return null;
    const token = positionIndex(cable).at(offset);
    if (token) {
      const value = explainToken(cable, token, now);
      if (value) return { contents: { kind: MarkupKind.Markdown, value }, range: lspRangeAt(cable, token.start, token.end) };
    }
    return fieldHover(cable, offset);
  } catch {
    return null;
  }
}

function explainToken(cable: Cable, t: Token, now: Date | undefined): string | undefined {
  switch (t.role) {
    case 'tag': {
      const entry = modelOf(cable).tags.entries.find((e) => e.token === t.tag);
      return entry ? explainTagEntry(entry, tagDay(cable, now)) : explainTag(t.tag.text, t.tag.codeShaped, tagDay(cable, now));
    }
    case 'routingIndicator':
      return explainRoutingIndicator(t.ri);
    case 'transmissionId': {
      const m = /^VZCZC([A-Z]{3})(\d+)/.exec(t.line.text);
      const info = headerCode('FL1 transmission id', 'VZCZC');
      const parts = m ? `Channel \`${m[1]}\`, sequence number ${m[2]}.` : 'Not in the `VZCZC` + channel + number form.';
      return `**Transmission id** (format line 1): ${info?.meaning ?? 'start of transmission'}.\n\n${parts}\n\n_Source: ${info?.source ?? SPEC}_`;
    }
    case 'prosign': {
      const code = t.line.prosign.text;
      return `**${code}**: precedence ${precedenceName(code) ?? '(unknown)'} (format line 2; the doubled letter repeats the precedence).\n\n_Source: ${precedenceSource(code) ?? SPEC}_`;
    }
    case 'dtgPrecedence': {
      const role = t.info ? 'precedence for information addressees' : 'precedence for action addressees';
      return `**${t.letter}**: ${precedenceName(t.letter) ?? 'unknown precedence'}, ${role}.\n\n_Source: ${precedenceSource(t.letter) ?? SPEC}_`;
    }
    case 'dtgValue': {
      const d = t.dtg;
      const when = describeDtg(d) ?? 'not a readable date';
      const prec = d.precedence ? `\n\nPrecedence ${d.precedence.text} = ${precedenceName(d.precedence.text) ?? '?'}${d.infoPrecedence ? `; information addressees ${d.infoPrecedence.text} = ${precedenceName(d.infoPrecedence.text) ?? '?'}` : ''}.` : '';
      return `**Date-time group** \`${d.value?.text ?? d.text}\` → ${when}.${prec}\n\nThis is the cable's date (day, hour, minute Z, month, year).\n\n_Source: ${SPEC}, section 2.1_`;
    }
    case 'julian': {
      const de = t.de;
      if (de.dayOfYear === undefined || de.hour === undefined || de.minute === undefined) return undefined;
      return explainJulian(de.dayOfYear, de.hour, de.minute, cable.envelope?.dtg);
    }
    case 'stationSerial': {
      const serial = cable.banner ? Number.parseInt(cable.banner.serial.text, 10) : undefined;
      const expected = serial !== undefined ? String(serial % 10000).padStart(4, '0') : undefined;
      const agree = expected === undefined ? '' : expected === t.de.stationSerial?.text ? ` Agrees with the banner serial ${cable.banner!.serial.text}.` : ` The banner serial ${cable.banner!.serial.text} gives #${expected}.`;
      return `**Station serial** #${t.de.stationSerial?.text}: the last four digits of the cable serial.${agree}\n\n_Source: ${SPEC}, section 2.1 (CBL009)_`;
    }
    case 'dePart':
      return `**/${t.de.part?.text}**: transmission part (section) number.\n\n_Source: ${SPEC}, section 2.1_`;
    case 'security': {
      const code = `${t.line.operator.text} ${t.line.code.text}`;
      const info = headerCode('FL4 security', code);
      return `**${code}**: security warning (format line 4): ${info?.meaning ?? 'unknown code'}. Must match the banner level.\n\n_Source: ${info?.source ?? SPEC}_`;
    }
    case 'addresseePrecedence':
      return `**${t.line.precedence?.text}**: precedence for this addressee.\n\n_Source: ${SPEC}, section 2.1_`;
    case 'sequence':
      return `**${t.line.sequence?.text}**: per-addressee sequence number.\n\n_Source: ${SPEC}, section 1.1_`;
    case 'plad': {
      const p = t.line.plad?.text ?? '';
      return `**${p}**: plain-language address designator.${t.line.routingIndicator ? `\n\nRouting indicator ${t.line.routingIndicator.text}.` : ''}`;
    }
    case 'envelopeKeyword':
      return envelopeKeyword(t.word);
    case 'bannerLevel': {
      const b = t.banner;
      const info = headerCode('classification line', b.levelText.text) ?? headerCode('classification line', b.levelText.text.replace(/ /g, ''));
      const section = b.section ? `\n\nSection ${b.section.number} of ${b.section.total}.` : '';
      const meaning = info ? `\n\n${capitalise(info.meaning.replace(/^[A-Z ]+: /, ''))}.` : '';
      return `**${b.level}**: banner, the classification of the whole cable.${meaning}${section}\n\n_Source: ${info?.source ?? `${SPEC}, section 2.2`}_`;
    }
    case 'sectionMarker': {
      const s = t.banner.section!;
      return `**Section ${s.number} of ${s.total}**: long cables are sent in sections; each starts with its own banner.\n\n_Source: ${SPEC}, section 2.3_`;
    }
    case 'bannerPost': {
      const post = postByBannerPost(t.banner.post.text);
      return `**${t.banner.post.text}**: originating post${post ? ` (${post.originLabel}; FM line ${post.fmLine}; DE routing indicator ${post.deRoutingIndicator})` : ''}.\n\n_Source: posts table (posts.tsv)_`;
    }
    case 'bannerSerial': {
      const id = modelOf(cable).referenceId;
      return `**${t.banner.serial.text}**: cable serial of the post.${id ? ` Reference id \`${id}\`.` : ''}\n\n_Source: ${SPEC}, section 2.5 (ReferenceId)_`;
    }
    case 'caption': {
      const unknown = t.caption && !t.caption.known ? modelOf(cable).classification.unknownCaptions.find((u) => u.caption === t.caption) : undefined;
      return explainCaption(t.name, unknown);
    }
    case 'fieldKeyword':
      return fieldKeyword(cable, t.field);
    case 'eoOrder':
      return explainOrder(t.eo.order?.text ?? '');
    case 'eoBody': {
      const eo = t.eo;
      if (eo.bodyKind === 'N/A') return `**N/A**: no declassification instruction: the cable is unclassified.\n\n_Source: ${SPEC}, section 2.4 (CBL042)_`;
      const reading = modelOf(cable).dates.decl;
      return reading ? explainDecl(reading, modelOf(cable).dates.cableDate) : undefined;
    }
    case 'reasonSection':
    case 'reasonLetter':
    case 'authority': {
      const cb = cable.classifiedBy;
      if (!cb) return undefined;
      if (t.role === 'authority') return `**Classified By** ${cb.authority?.text.replace(/\s+/g, ' ')}: the classifying official.\n\n${explainReasons(cb.reasonSection, cb.reasonLetters.map((l) => l.text.toLowerCase()))}`;
      const letters = t.role === 'reasonLetter' ? [t.letter] : cb.reasonLetters.map((l) => l.text.toLowerCase());
      return explainReasons(cb.reasonSection, letters);
    }
    case 'refLetter':
      return refItemHover(cable, t.item, true);
    case 'refTarget':
      return refItemHover(cable, t.item, false);
    case 'refCitation': {
      const c = t.citation;
      const cited = c.letter === undefined ? cable.text.slice(c.range.start.offset, c.range.end.offset).toUpperCase() : `REF ${c.letter}`;
      if (!c.item) return `**${cited}**: no such item in the REF list.`;
      return refItemHover(cable, c.item, false, cited);
    }
    case 'paragraphNumber':
      return paragraphHover(cable, t.paragraph);
    case 'portionMark': {
      const m = t.paragraph.portionMark!;
      return explainPortionMark(m.text, cable.banner?.level);
    }
    case 'paragraphReference': {
      const r = t.reference;
      if (!r.paragraph) return `**Paragraph ${r.number}**: no single paragraph ${r.number} in this cable.`;
      const p = r.paragraph;
      return `**→ paragraph ${p.number}** (line ${p.range.start.line + 1}): ${p.portionMark ? `${p.portionMark.text} ` : ''}${p.lead}…`;
    }
    case 'pageMarker': {
      const m = t.marker;
      if (m.number === undefined) return `**Page header** (printout of an older cable).\n\n_Source: ${SPEC}, section 2.3_`;
      const decimal = m.decimal ? ` The \`.${m.decimal.text}\` suffix is opaque (undocumented).` : '';
      return `**Page marker**: section ${m.number} of ${m.total ?? '?'} begins here.${decimal}\n\n_Source: ${SPEC}, section 2.3_`;
    }
    case 'blockMark': {
      const m = t.mark;
      const span = modelOf(cable).blocks.spanOf(m);
      const verb = m.role === 'open' ? (m.continued ? 'continues' : 'opens') : 'ends';
      return `**${capitalise(m.block.toLowerCase())}** ${verb}${span ? ` (${blockWhere(cable, m, span)})` : ''}.`;
    }
    case 'signature':
      return `**${t.signature.text}**: signature (the signing officer's name)${t.signature.appended ? ', appended to the last paragraph' : ''}.`;
    case 'wrapper':
      return t.part.role === 'partial-extract-note'
        ? '**Partial extract**: the publisher holds only part of this cable; missing header fields are not errors.'
        : `**Publisher text** (${t.part.role}): not part of the cable.`;
    case 'subjectText':
      return undefined;
  }
}

/** Where a block mark's other end is, as the rules pair them (CBL100–CBL104). */
function blockWhere(cable: Cable, m: BlockMark, span: BlockSpan): string {
  const line = (r: { start: { line: number } }) => r.start.line + 1;
  if (m.role === 'open') {
    if (span.heading) return 'a heading: the summary runs to the next heading or paragraph';
    switch (span.closes.by) {
      case 'end':
        return `closed on line ${line(span.closes.mark.range)}`;
      case 'paren':
        return `closed by \`)\` on line ${line(span.closes.range)}`;
      case 'paragraph':
        return 'ends with its paragraph';
      case 'none':
        return blockLeftOpen(cable, m);
    }
  }
  switch (span.opens.by) {
    case 'mark':
      return `opened on line ${line(span.opens.mark.range)}`;
    case 'paragraph':
      return 'the summary needs no opener: it is the first paragraph or under a Summary heading';
    case 'heading':
      return `opened by the heading on line ${line(span.opens.heading.range)}`;
    case 'none':
      return 'no opener';
  }
}

function envelopeKeyword(word: string): string {
  const what: Record<string, string> = {
    DE: 'DE ("from"): originating station routing indicator, station serial, Julian date-time (format line 3)',
    FM: 'FM: the originator',
    TO: 'TO: action addressees',
    INFO: 'INFO: information addressees',
    XMT: 'XMT: collective members excluded from delivery',
  };
  return `**${what[word] ?? word}**.\n\n_Source: ${SPEC}, section 2.1_`;
}

function fieldKeyword(cable: Cable, field: string): string | undefined {
  switch (field) {
    case 'E.O.':
      return cable.eo?.order ? explainOrder(cable.eo.order.text) : undefined;
    case 'DECL':
      return `**DECL**: declassification instruction (a date, an exemption code, or an event).\n\n_Source: ${SPEC}, section 2.4_`;
    case 'DNG':
      return `**DNG**: downgrade instruction (to CONFIDENTIAL or SECRET on a date).\n\n_Source: ${SPEC}, section 2.4_`;
    case 'TAGS':
      return `**TAGS**: subject, program, organization and geographic codes that route and file the cable.\n\n_Source: ${SPEC}, section 2.4_`;
    case 'SUBJECT':
      return cable.subject ? `**SUBJECT**: ${cable.subject.subject}` : undefined;
    case 'REF':
      return cable.refs ? refListHover(cable, cable.refs) : undefined;
    case 'Classified By': {
      const cb = cable.classifiedBy;
      return cb ? explainReasons(cb.reasonSection, cb.reasonLetters.map((l) => l.text.toLowerCase())) : undefined;
    }
  }
  return undefined;
}

const times = (n: number) => (n ? `${n} time${n === 1 ? '' : 's'}` : 'not at all');

/** How the list's references are cited, counted as the model reads the citations. */
function refListHover(cable: Cable, refs: RefList): string {
  const n = refs.items.length;
  const cited = positionIndex(cable).refCitations.filter((c) => c.item).length;
  if (n === 1 && !refs.items[0]!.letter) return `**REF**: 1 reference, not lettered: the text cites it as \`REFTEL\` (${times(cited)}).`;
  return `**REF**: ${n} reference${n === 1 ? '' : 's'}, cited by letter in the text (\`REF A\`, ${times(cited)}).`;
}

/** `REYKJAVIK 412` → cable 412 of that post, reference id `08REYKJAVIK412`. */
function refItemHover(cable: Cable, item: RefItem, declaration: boolean, cited?: string): string {
  const label = item.letter ? `REF ${item.letter}` : 'REF';
  const head = cited ? `**${cited}** → ${item.letter ? `item ${item.letter}: ` : 'the only reference: '}\`${item.target.text.replace(/\s+/g, ' ')}\`` : `**${label}**: \`${item.target.text.replace(/\s+/g, ' ')}\``;
  const lines = [head];
  const m = /^(?:(\d{2}|\d{4}) )?(SECSTATE|STATE|[A-Z][A-Z .'-]*[A-Z]) 0*(\d{1,7})\b/.exec(item.target.text.trim());
  const date = modelOf(cable).dates.cableDate;
  if (m) {
    const yy = m[1] ? m[1].slice(-2) : date ? String(date.year % 100).padStart(2, '0') : undefined;
    const post = refIdPostFor(m[2]!);
    if (yy) lines.push('', `Cable ${m[3]} of ${m[2]}: reference id \`${yy}${post}${m[3]}\`${m[1] ? '' : ' (no year: same year as this cable)'}.`);
  }
  // The unlettered only reference has no letter to hover: its target is its declaration.
  if ((declaration && item.letter) || (!cited && !item.letter)) {
    const n = positionIndex(cable).refCitations.filter((c) => c.item === item).length;
    lines.push('', n ? `Cited ${n} time${n === 1 ? '' : 's'} in the text.` : 'Not cited in the text.');
  } else if (cited) {
    lines.push('', `Listed on line ${item.range.start.line + 1}.`);
  }
  return lines.join('\n');
}

function paragraphHover(cable: Cable, p: Paragraph): string {
  const run = modelOf(cable).numbering.runs.find((r) => r.includes(p));
  const lines: string[] = [];
  if (run) {
    const i = run.indexOf(p);
    const prev = run[i - 1];
    const next = run[i + 1];
    const where = [prev ? `previous ${prev.number}` : 'first', next ? `next ${next.number}` : 'last'].join(', ');
    // Restarts as CBL083 reads them: marked by the parser, or a return to 1 after a higher number.
    const restart = modelOf(cable).numbering.stepOf(p)?.restart ?? false;
    lines.push(`**Paragraph ${p.number}** (${i + 1} of ${run.length}; ${where})${restart ? ': numbering restarts here' : ''}`);
  } else {
    lines.push(`**Paragraph ${p.number}**`);
  }
  if (p.artefact) lines.push('', `Written \`${p.numberText.text}\`: the \`¶\` sign became a \`1\` (CBL084).`);
  if (p.portionMark) lines.push('', explainPortionMark(p.portionMark.text, cable.banner?.level));
  else if (cable.banner && rankOfLevel(cable.banner.level) >= 1) lines.push('', 'No portion mark (required in a classified cable).');
  const refs = positionIndex(cable).paragraphReferences.filter((r) => r.paragraph === p).length;
  if (refs) lines.push('', `Referred to ${refs} time${refs === 1 ? '' : 's'} in the text.`);
  return lines.join('\n');
}

/** Off any token, on the Classified By or E.O. line: the line's meaning as a whole. */
function fieldHover(cable: Cable, offset: number): Hover | null {
  const cb = cable.classifiedBy;
  if (cb && cb.range.start.offset <= offset && offset <= cb.range.end.offset) {
    return {
      contents: { kind: MarkupKind.Markdown, value: explainReasons(cb.reasonSection, cb.reasonLetters.map((l) => l.text.toLowerCase())) },
      range: lspRangeAt(cable, cb.range.start.offset, cb.range.end.offset),
    };
  }
  const eo = cable.eo;
  if (eo && eo.range.start.offset <= offset && offset <= eo.range.end.offset && eo.order) {
    return { contents: { kind: MarkupKind.Markdown, value: explainOrder(eo.order.text) }, range: lspRangeAt(cable, eo.range.start.offset, eo.range.end.offset) };
  }
  return null;
}
