/**
 * The addressees of the envelope as a distribution list: each TO and INFO line read as routing
 * indicator, PLAD name, precedence and message serial (`RUEHC/SECSTATE WASHDC PRIORITY 0872`),
 * an `XMT` exclusion kept in its block and marked excluded. Lines the envelope model does not
 * count as addressees (a broken banner read as more of them) are left out.
 */
import type { Addressee, Range } from '../../../grammar/src/ast';
import type { EnvelopeModel } from './envelope';

export interface AddresseeEntry {
  /** The routing indicator before the slash; null when the line has none. */
  readonly route: string | null;
  /** The PLAD (`SECSTATE WASHDC`, `AMEMBASSY ABU DHABI`). */
  readonly name: string;
  readonly precedence: string | null;
  /** The message serial as written (`0872`). */
  readonly serial: string | null;
  /** An `XMT` line: the collective is sent to all but this addressee. */
  readonly excluded: boolean;
  readonly range: Range;
}

export interface Addressees {
  readonly to: readonly AddresseeEntry[];
  readonly info: readonly AddresseeEntry[];
}

export const NO_ADDRESSEES: Addressees = Object.freeze({ to: Object.freeze([]), info: Object.freeze([]) });

function entryOf(line: Addressee): AddresseeEntry | undefined {
  const name = line.plad?.text.replace(/[\s\\]+$/, '').trim() ?? '';
  if (!name && !line.routingIndicator) return undefined;
  return Object.freeze({
    route: line.routingIndicator?.text ?? null,
    name,
    precedence: line.precedence?.text ?? null,
    serial: line.sequence?.text ?? null,
    excluded: line.lineKind === 'xmt',
    range: line.range,
  });
}

export function readAddressees(to: readonly Addressee[], info: readonly Addressee[], envelope: EnvelopeModel): Addressees {
  const counted = new Set(envelope.addressees.map((a) => a.line));
  const read = (lines: readonly Addressee[]) =>
    Object.freeze(lines.filter((l) => counted.has(l)).map(entryOf).filter((e): e is AddresseeEntry => e !== undefined));
  return Object.freeze({ to: read(to), info: read(info) });
}
