/**
 * The envelope (ACP-127 format lines) as the cable means it: the one definition of a routing
 * indicator, every indicator with whether it is well formed, the words of each line for the rules
 * that explain a malformed one, and the addressee block with the slips the line shapes leave
 * unread (an indicator without its slash, a sequence number of the wrong length). Which printed
 * copy of the envelope counts is the grammar's choice (the last complete one).
 */
import type { Addressee, Cable, ClassificationLevel, EnvelopeLine, PrecedenceLine, Range, Span } from '../../../grammar/src/ast';
import { rangeAt, spanAt } from '../../../grammar/src/positions';
import { lookupRoutingIndicator, postByBannerPost } from '../data/index';
import type { BannerAttempt } from './classification';
import { frozen, type Lazy } from './types';

/** The level a security line's five letters state (`ZNY CCCCC` → CONFIDENTIAL): a letter repeated five times. */
const SECURITY_LEVELS: Record<string, ClassificationLevel> = {
  U: 'UNCLASSIFIED',
  E: 'UNCLASSIFIED EFTO',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  T: 'TOP SECRET',
};

/** What the security line states, or null when it is not five times one level letter. */
export function envelopeLevel(cable: Cable): ClassificationLevel | null {
  const code = cable.envelope?.security?.code.text ?? '';
  return /^([UECST])\1{4}$/.test(code) ? SECURITY_LEVELS[code[0]!]! : null;
}

/** The DE line's station serial as a number (`DE RUEHGB #0146` → 146), or null when not all digits. */
export function deStationSerial(cable: Cable): number | null {
  const ssn = cable.envelope?.de?.stationSerial?.text;
  return ssn !== undefined && /^\d+$/.test(ssn) ? Number(ssn) : null;
}

/** The FM line's sender as a post of posts.tsv, in the reference id's spelling, or undefined. */
export function fmPost(cable: Cable): string | undefined {
  const fm = cable.envelope?.fm?.plad?.text.trim();
  return fm ? postByBannerPost(fm)?.refidPost : undefined;
}

/** A routing indicator as the spec writes it (2.1): R and 3–7 letters. Defined here only. */
export const ROUTING_INDICATOR = /^R[A-Z]{3,7}$/;

export function isRoutingIndicator(text: string): boolean {
  return ROUTING_INDICATOR.test(text);
}

/** Why a word in an indicator's place is not one: `'has 9 letters'`, `'is not R + letters'`. */
export function routingIndicatorFault(text: string): string | undefined {
  if (isRoutingIndicator(text)) return undefined;
  return /^R[A-Z]+$/.test(text) ? `has ${text.length} letters` : 'is not R + letters';
}

export interface RoutingIndicatorUse {
  span: Span;
  line: EnvelopeLine;
  wellFormed: boolean;
}

/** A line of the TO/INFO block, with what its shape leaves unread. */
export interface AddresseeLine {
  line: Addressee;
  /**
   * An indicator written without its slash (`RUEHC SECSTATE WASHDC`): a listed indicator or one of
   * the RU/RH family, and the blanks where the slash belongs.
   */
  unjoined?: { ri: Span; gap: Range; plad: string; listed: boolean };
  /** A sequence number after the precedence that is not four digits (`ROUTINE 123`). */
  sequence?: Span;
}

export interface EnvelopeModel {
  /** Every routing indicator the envelope writes (precedence, continuation, DE and addressee lines). */
  readonly routingIndicators: readonly RoutingIndicatorUse[];
  /**
   * Lines of the TO/INFO/XMT block, up to the banner: a broken banner the parser missed is read as
   * more addressees, and those lines are the banner's (CBL021), not addressees.
   */
  readonly addressees: readonly AddresseeLine[];
  /** The blank-separated words of a line, with their ranges. */
  words(line: EnvelopeLine): readonly Span[];
}

export const NO_ENVELOPE: EnvelopeModel = Object.freeze({
  routingIndicators: Object.freeze([]),
  addressees: Object.freeze([]),
  words: () => Object.freeze([]),
});

/** A publisher's rule line (`----- header ends -----`): not part of the message. */
const SEPARATOR = /^-{3,}/;
/** A banner glued after other text (`Cable dated:…C O N F I D E N T I A L … RIYADH 000732`). */
const GLUED_BANNER =
  /(?:C O N F I D E N T I A L|S E C R E T|UNCLAS|CONFIDENTIAL|SECRET)\s+(?:SECTION \d+ OF \d+ )?[A-Z][A-Z .'-]*[A-Z] \d{4,8}/;
const RI_WITHOUT_SLASH = /^(R[A-Z]{3,7}) +(?=[A-Z0-9])/;
const BAD_SEQUENCE = /(?:FLASH|IMMEDIATE|PRIORITY|ROUTINE) +(\d+)$/d;
const RI_WORD = /(?<![A-Z])R[A-Z]{3,}(?![A-Z])/g;

export function readEnvelope(cable: Cable, bannerAttempts: () => readonly BannerAttempt[], lazy: Lazy): EnvelopeModel {
  const env = cable.envelope;
  if (!env) return NO_ENVELOPE;
  const words = new Map<EnvelopeLine, readonly Span[]>();
  const wordsOf = (line: EnvelopeLine): readonly Span[] => {
    let w = words.get(line);
    if (!w) {
      const base = line.range.start.offset;
      const found: Span[] = [];
      for (const m of line.text.matchAll(/\S+/g)) found.push(spanAt(cable.lines, cable.text, base + m.index!, base + m.index! + m[0].length));
      w = found;
      words.set(line, w);
    }
    return w;
  };
  const indicators = lazy('envelope.routingIndicators', () => (routingIndicatorsOf(cable)), NO_ENVELOPE.routingIndicators);
  const addressees = lazy('envelope.addressees', () => (addresseeLines(cable, bannerAttempts())), NO_ENVELOPE.addressees);
  return new EnvelopeMeaning(indicators, addressees, wordsOf);
}

/** A class, so that the getters sit on the prototype: getters in a literal leave the object in V8's dictionary mode. */
class EnvelopeMeaning implements EnvelopeModel {
  readonly #indicators: () => readonly RoutingIndicatorUse[];
  readonly #addressees: () => readonly AddresseeLine[];

  constructor(indicators: () => readonly RoutingIndicatorUse[], addressees: () => readonly AddresseeLine[], readonly words: EnvelopeModel['words']) {
    this.#indicators = indicators;
    this.#addressees = addressees;
    Object.freeze(this);
  }

  get routingIndicators(): readonly RoutingIndicatorUse[] {
    return this.#indicators();
  }

  get addressees(): readonly AddresseeLine[] {
    return this.#addressees();
  }
}

function routingIndicatorsOf(cable: Cable): RoutingIndicatorUse[] {
  const out: RoutingIndicatorUse[] = [];
  const add = (span: Span | undefined, line: EnvelopeLine) => {
    if (span) out.push(frozen({ span, line, wellFormed: isRoutingIndicator(span.text) }));
  };
  for (const line of cable.envelope?.lines ?? []) {
    switch (line.lineKind) {
      case 'precedence':
        for (const ri of (line as PrecedenceLine).routingIndicators) add(ri, line);
        break;
      case 'routingContinuation': {
        const base = line.range.start.offset;
        for (const m of line.text.matchAll(RI_WORD)) add(spanAt(cable.lines, cable.text, base + m.index!, base + m.index! + m[0].length), line);
        break;
      }
      case 'de':
      case 'fm':
      case 'to':
      case 'info':
      case 'xmt':
      case 'addressee':
        add((line as { routingIndicator?: Span }).routingIndicator, line);
        break;
      default:
        break;
    }
  }
  return out;
}

function addresseeLines(cable: Cable, attempts: readonly BannerAttempt[]): AddresseeLine[] {
  const env = cable.envelope!;
  const stop = Math.min(
    ...attempts.filter((a) => !a.malformed).map((a) => a.start),
    ...env.lines.filter((l) => GLUED_BANNER.test(l.text)).map((l) => l.range.start.offset),
  );
  const out: AddresseeLine[] = [];
  let inBlock = false;
  for (const line of env.lines) {
    if (line.range.start.offset >= stop) break;
    const kind = line.lineKind;
    if (kind === 'to' || kind === 'info' || kind === 'xmt') inBlock = true;
    if (!inBlock || (kind !== 'to' && kind !== 'info' && kind !== 'xmt' && kind !== 'addressee')) continue;
    if (SEPARATOR.test(line.text)) continue;
    const a = line as Addressee;
    const entry: AddresseeLine = { line: a };
    // A PLAD may itself start with an R-word (ROME, RIYADH): only a listed indicator or the
    // RU/RH family that every State indicator belongs to counts as a missing slash.
    const at = a.plad?.range.start.offset ?? 0;
    // Only a PLAD that starts with `R` can start with an indicator: no copy of the others is read.
    const after = a.plad && !a.routingIndicator && line.text.charCodeAt(at - line.range.start.offset) === 0x52 ? line.text.slice(at - line.range.start.offset) : '';
    const ri = RI_WITHOUT_SLASH.exec(after);
    if (ri && (lookupRoutingIndicator(ri[1]!) || /^R[UH]/.test(ri[1]!))) {
      entry.unjoined = {
        ri: spanAt(cable.lines, cable.text, at, at + ri[1]!.length),
        gap: rangeAt(cable.lines, at + ri[1]!.length, at + ri[0].length),
        plad: after.slice(ri[0].length),
        listed: Boolean(lookupRoutingIndicator(ri[1]!)),
      };
    }
    // The sequence number ends the line: a line that does not end in a digit has none to read.
    const last = line.text.charCodeAt(line.text.length - 1);
    const seq = last >= 0x30 && last <= 0x39 ? BAD_SEQUENCE.exec(line.text) : null;
    if (seq && seq[1]!.length !== 4) {
      const [s, e] = seq.indices![1]!;
      entry.sequence = spanAt(cable.lines, cable.text, line.range.start.offset + s, line.range.start.offset + e);
    }
    out.push(frozen(entry));
  }
  return out;
}
