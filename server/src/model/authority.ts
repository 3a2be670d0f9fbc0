/**
 * The classification authority as a record: who classified the cable and for which reasons
 * (`Classified By: Ambassador …, Reasons 1.4 (b) and (d)` → `1.4(b)`, `1.4(d)`), until when
 * (the E.O. line's DECL value: a date, or a code or event as written), under which order.
 */
import type { Cable } from '../../../grammar/src/ast';
import type { Dates } from './dates';

export interface ClassifiedByRecord {
  /** The line(s) as written, the keyword included. */
  readonly text: string;
  /** The classifying official (`AMBASSADOR JOHN SMITH`); null when the line names none. */
  readonly authority: string | null;
  /** `1.4(b)`, `1.4(d)`, in the order written, each once. */
  readonly reasons: readonly string[];
}

export interface Authority {
  readonly classifiedBy: ClassifiedByRecord | null;
  /** `2018-05-12`, or the code or event as written (`X1`, `25X1-HUMAN`, `TEN YEARS AFTER …`); null without a DECL value. */
  readonly declassifyOn: string | null;
  /** The executive order the E.O. line cites (`12958`); null without one. */
  readonly eo: string | null;
}

export const NO_AUTHORITY: Authority = Object.freeze({ classifiedBy: null, declassifyOn: null, eo: null });

const pad = (n: number) => String(n).padStart(2, '0');

export function readAuthority(cable: Cable, dates: Dates): Authority {
  const cb = cable.classifiedBy;
  let classifiedBy: ClassifiedByRecord | null = null;
  if (cb) {
    const section = cb.reasonSection ?? '1.4';
    const reasons = [...new Set(cb.reasonLetters.map((l) => `${section}(${l.text.toLowerCase()})`))];
    classifiedBy = Object.freeze({
      text: cb.text.replace(/\s+/g, ' ').trim(),
      authority: cb.authority?.text.replace(/\s+/g, ' ').trim() || null,
      reasons: Object.freeze(reasons),
    });
  }
  const decl = dates.decl;
  let declassifyOn: string | null = null;
  if (decl?.kind === 'date') declassifyOn = `${String(decl.year).padStart(4, '0')}-${pad(decl.month)}-${pad(decl.day)}`;
  else if (decl && decl.kind !== 'empty' && decl.kind !== 'declassified' && decl.span.text.trim()) declassifyOn = decl.span.text.replace(/\s+/g, ' ').trim();
  return Object.freeze({ classifiedBy, declassifyOn, eo: cable.eo?.order?.text ?? null });
}
