import type { IToken } from 'chevrotain';
import type { Addressee, DeLine, Dtg, Envelope, EnvelopeLine, PrecedenceLine, SecurityLine, TransmissionId } from './ast';
import { type Doc, tokenEnd } from './build-header';
import * as F from './fields';
import * as T from './lexer';
import { rangeAt, spanAt } from './positions';

/** Envelope lines (spec 2.1): typed from the token, parts read by the format-line patterns. */

function trimmed(doc: Doc, t: IToken): [number, number] {
  let end = tokenEnd(t);
  while (end > t.startOffset && /[\s\\]/.test(doc.text[end - 1]!)) end--;
  return [t.startOffset, end];
}

export function dtgFrom(doc: Doc, start: number, end: number): Dtg {
  const s = doc.text.slice(start, end);
  const m = F.execTiled(F.DTG, s);
  const base: Dtg = { kind: 'EnvelopeLine', lineKind: 'dtg', text: s, range: rangeAt(doc.lines, start, end), wellFormed: false };
  if (!m?.groups) return base;
  const g = m.groups;
  const sp = (name: string) => {
    const x = F.sub(doc.text, start, m, name);
    return x ? spanAt(doc.lines, doc.text, x.start, x.end) : undefined;
  };
  const month = F.MONTHS.indexOf(g.mon!.toUpperCase()) + 1;
  const tail = g.tail ?? '';
  // `MAY 081`: a year that runs on into a digit is not the DTG's two-digit year.
  const whole = !/^\d/.test(tail);
  const tailStart = end - tail.length + (tail.length - tail.trimStart().length);
  return {
    ...base,
    wellFormed: whole && F.DTG_TAIL_OK.test(tail),
    ...(whole
      ? { parts: { day: sp('dd')!, hour: sp('hh')!, minute: sp('mi')!, month: sp('mon')!, year: sp('yy')! } }
      : {}),
    ...(tailStart < end ? { tail: spanAt(doc.lines, doc.text, tailStart, end) } : {}),
    precedence: sp('prec'),
    ...(g.infoPrec ? { infoPrecedence: sp('infoPrec') } : {}),
    value: sp('value'),
    day: Number(g.dd),
    hour: Number(g.hh),
    minute: Number(g.mi),
    ...(month > 0 ? { month } : {}),
    year: F.fullYear(g.yy!),
  };
}

export function envelopeLine(doc: Doc, t: IToken): EnvelopeLine {
  const [start, end] = trimmed(doc, t);
  const text = doc.text.slice(start, end);
  const range = rangeAt(doc.lines, start, end);
  const sp = (m: RegExpExecArray, name: string) => {
    const x = F.sub(doc.text, start, m, name);
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
      for (const r of text.matchAll(/R[A-Z]{3,}/g)) {
        if (r.index! < 2) continue;
        ris.push(spanAt(doc.lines, doc.text, start + r.index!, start + r.index! + r[0].length));
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
      const m = F.execTiled(F.DE_LINE, text);
      const ri = /^DE +(R[A-Z]{3,})/.exec(text)!;
      const line: DeLine = {
        kind: 'EnvelopeLine',
        lineKind: 'de',
        text,
        range,
        wellFormed: Boolean(m),
        routingIndicator: spanAt(doc.lines, doc.text, start + ri[0].length - ri[1]!.length, start + ri[0].length),
      };
      if (m?.groups) {
        const g = m.groups;
        Object.assign(line, {
          stationSerial: sp(m, 'ssn'),
          ...(g.part ? { part: sp(m, 'part') } : {}),
          julian: sp(m, 'julian'),
          julianParts: { day: sp(m, 'ddd')!, hour: sp(m, 'hh')!, minute: sp(m, 'mi')! },
          dayOfYear: Number(g.ddd),
          hour: Number(g.hh),
          minute: Number(g.mi),
        });
      }
      return line;
    }
    case T.SecurityLine: {
      const m = F.execTiled(F.SECURITY, text)!;
      const line: SecurityLine = {
        kind: 'EnvelopeLine',
        lineKind: 'security',
        text,
        range,
        operator: sp(m, 'op')!,
        code: sp(m, 'cls')!,
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
      const m = F.execTiled(F.ADDRESSEE, text);
      if (m) {
        const ri = sp(m, 'ri');
        const plad = sp(m, 'plad');
        const prec = sp(m, 'prec');
        const mcn = sp(m, 'mcn');
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
