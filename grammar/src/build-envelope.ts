import type { IToken } from 'chevrotain';
import type { Addressee, DeLine, Dtg, Envelope, EnvelopeLine, PrecedenceLine, SecurityLine, TransmissionId } from './ast';
import { type Doc, tokenEnd } from './build-header';
import * as F from './fields';
import * as T from './lexer';
import { contentEnd } from './chars';
import { rangeAt, spanAt } from './positions';

/** Envelope lines (spec 2.1): typed from the token, parts read by the format-line patterns. */

function trimmed(doc: Doc, t: IToken): [number, number] {
  return [t.startOffset, contentEnd(doc.text, t.startOffset, tokenEnd(t))];
}

export function dtgFrom(doc: Doc, start: number, end: number): Dtg {
  const s = doc.text.slice(start, end);
  const m = F.DTG.re.exec(s);
  const dtg: Dtg = { kind: 'EnvelopeLine', lineKind: 'dtg', text: s, range: rangeAt(doc.lines, start, end), wellFormed: false };
  if (!m) return dtg;
  const g = (name: string) => F.group(F.DTG, m, name);
  const sp = (name: string) => {
    const x = F.part(F.DTG, m, start, name);
    return x ? spanAt(doc.lines, doc.text, x.start, x.end) : undefined;
  };
  const month = F.MONTHS.indexOf(g('mon')!.toUpperCase()) + 1;
  const tail = g('tail') ?? '';
  // `MAY 081`: a year that runs on into a digit is not the DTG's two-digit year.
  const whole = !/^\d/.test(tail);
  const tailStart = end - tail.length + (tail.length - tail.trimStart().length);
  // Filled in steps, each optional part in its place (see paragraphAt on spreads inside literals).
  dtg.wellFormed = whole && F.DTG_TAIL_OK.test(tail);
  if (whole) dtg.parts = { day: sp('dd')!, hour: sp('hh')!, minute: sp('mi')!, month: sp('mon')!, year: sp('yy')! };
  if (tailStart < end) dtg.tail = spanAt(doc.lines, doc.text, tailStart, end);
  dtg.precedence = sp('prec');
  if (g('infoPrec')) dtg.infoPrecedence = sp('infoPrec');
  dtg.value = sp('value');
  dtg.day = Number(g('dd'));
  dtg.hour = Number(g('hh'));
  dtg.minute = Number(g('mi'));
  if (month > 0) dtg.month = month;
  dtg.year = F.fullYear(g('yy')!);
  return dtg;
}

/** A routing indicator on a precedence line; searched by `exec` (`matchAll` copies the pattern per call). */
const ROUTING = /R[A-Z]{3,}/g;

export function envelopeLine(doc: Doc, t: IToken): EnvelopeLine {
  const [start, end] = trimmed(doc, t);
  const text = doc.text.slice(start, end);
  const range = rangeAt(doc.lines, start, end);
  const sp = (p: F.TiledPattern, m: RegExpExecArray, name: string) => {
    const x = F.part(p, m, start, name);
    return x ? spanAt(doc.lines, doc.text, x.start, x.end) : undefined;
  };
  switch (t.tokenType) {
    case T.TransmissionIdLine: {
      const line: TransmissionId = { kind: 'EnvelopeLine', lineKind: 'transmissionId', text, range, wellFormed: F.TRANSMISSION_ID.test(text) };
      if (end > start + 5) line.rest = spanAt(doc.lines, doc.text, start + 5, end);
      return line;
    }
    case T.PrecedenceLine: {
      const m = /^[ZOPR]{1,2}/.exec(text)!;
      const ris: PrecedenceLine['routingIndicators'] = [];
      ROUTING.lastIndex = 0;
      for (let r = ROUTING.exec(text); r; r = ROUTING.exec(text)) {
        if (r.index < 2) continue;
        ris.push(spanAt(doc.lines, doc.text, start + r.index, start + r.index + r[0].length));
      }
      const line: PrecedenceLine = {
        kind: 'EnvelopeLine',
        lineKind: 'precedence',
        text,
        range,
        prosign: spanAt(doc.lines, doc.text, start, start + m[0].length),
        routingIndicators: ris,
        wellFormed: F.PRECEDENCE.test(text),
      };
      return line;
    }
    case T.RoutingContinuationLine:
      return { kind: 'EnvelopeLine', lineKind: 'routingContinuation', text, range };
    case T.DeLine: {
      const m = F.DE_LINE.re.exec(text);
      const ri = /^DE +(R[A-Z]{3,})/.exec(text)!;
      const line: DeLine = {
        kind: 'EnvelopeLine',
        lineKind: 'de',
        text,
        range,
        wellFormed: Boolean(m),
        routingIndicator: spanAt(doc.lines, doc.text, start + ri[0].length - ri[1]!.length, start + ri[0].length),
      };
      if (m) {
        const g = (name: string) => F.group(F.DE_LINE, m, name);
        line.stationSerial = sp(F.DE_LINE, m, 'ssn');
        if (g('part')) line.part = sp(F.DE_LINE, m, 'part');
        line.julian = sp(F.DE_LINE, m, 'julian');
        line.julianParts = { day: sp(F.DE_LINE, m, 'ddd')!, hour: sp(F.DE_LINE, m, 'hh')!, minute: sp(F.DE_LINE, m, 'mi')! };
        line.dayOfYear = Number(g('ddd'));
        line.hour = Number(g('hh'));
        line.minute = Number(g('mi'));
      }
      return line;
    }
    case T.SecurityLine: {
      const m = F.SECURITY.re.exec(text)!;
      const line: SecurityLine = {
        kind: 'EnvelopeLine',
        lineKind: 'security',
        text,
        range,
        operator: sp(F.SECURITY, m, 'op')!,
        code: sp(F.SECURITY, m, 'cls')!,
      };
      return line;
    }
    case T.DtgLine:
      return dtgFrom(doc, start, end);
    default: {
      const kind: Addressee['lineKind'] =
        t.tokenType === T.FmLine
          ? 'fm'
          : t.tokenType === T.ToLine
            ? 'to'
            : t.tokenType === T.InfoLine
              ? 'info'
              : t.tokenType === T.XmtLine
                ? 'xmt'
                : 'addressee';
      const line: Addressee = { kind: 'EnvelopeLine', lineKind: kind, text, range };
      const m = F.ADDRESSEE.re.exec(text);
      if (m) {
        const ri = sp(F.ADDRESSEE, m, 'ri');
        const plad = sp(F.ADDRESSEE, m, 'plad');
        const prec = sp(F.ADDRESSEE, m, 'prec');
        const mcn = sp(F.ADDRESSEE, m, 'mcn');
        if (ri) line.routingIndicator = ri;
        if (plad) line.plad = plad;
        if (prec) line.precedence = prec;
        if (mcn) line.sequence = mcn;
      }
      return line;
    }
  }
}

// DE and ZNR/ZNY too: a copy glued together by a CSV row starts at its security line
// (`ZNY CCCCC ZZH  (CCY …)O 211434Z OCT 09FM AMEMBASSY …`, 09BUENOSAIRES1147).
const COPY_START: ReadonlySet<string> = new Set(['transmissionId', 'precedence', 'de', 'security', 'dtg']);

/**
 * Splits envelope lines into copies: a publisher may print the envelope twice around a
 * metadata block (spec 4.2). A copy starts again only when the current one is complete
 * (FM and TO seen) and a format line before FM (VZCZC, precedence, DE, ZNR/ZNY, DTG) follows, or at a second
 * VZCZC: a DTG after FM in an incomplete envelope is an order error (CBL001), not a copy.
 */
export function splitCopies(lines: EnvelopeLine[]): EnvelopeLine[][] {
  const copies: EnvelopeLine[][] = [];
  let current: EnvelopeLine[] = [];
  let kinds = new Set<string>();
  for (const l of lines) {
    const complete = kinds.has('fm') && kinds.has('to');
    const restart =
      COPY_START.has(l.lineKind) &&
      (complete || (l.lineKind === 'transmissionId' && kinds.has('transmissionId')));
    if (restart && current.length) {
      copies.push(current);
      current = [];
      kinds = new Set();
    }
    current.push(l);
    kinds.add(l.lineKind);
  }
  if (current.length) copies.push(current);
  return copies;
}

export function assembleEnvelope(doc: Doc, lines: EnvelopeLine[]): Envelope {
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  const env: Envelope = {
    kind: 'Envelope',
    range: rangeAt(doc.lines, first.range.start.offset, last.range.end.offset),
    lines,
    to: [],
    info: [],
  };
  let block: 'to' | 'info' | undefined;
  for (const l of lines) {
    switch (l.lineKind) {
      case 'transmissionId':
        env.transmissionId ??= l as TransmissionId;
        break;
      case 'precedence':
        env.precedence ??= l as PrecedenceLine;
        break;
      case 'de':
        env.de ??= l as DeLine;
        break;
      case 'security':
        env.security ??= l as SecurityLine;
        break;
      case 'dtg':
        env.dtg ??= l as Dtg;
        break;
      case 'fm':
        env.fm ??= l as Addressee;
        break;
      case 'to':
        block = 'to';
        env.to.push(l as Addressee);
        break;
      case 'info':
      case 'xmt':
        block = 'info';
        env.info.push(l as Addressee);
        break;
      case 'addressee':
        if (block) env[block].push(l as Addressee);
        break;
      default:
        break;
    }
  }
  return env;
}
