/**
 * Paragraph numbering as the cable means it: the numbered paragraphs in order with their
 * predecessors and restarts (CBL080–CBL083, the paragraph hover), the numbering runs a `para N`
 * resolves in, the pilcrow artefact, and numbered headings that carry no portion mark.
 */
import type { Cable, Paragraph } from '../../../grammar/src/ast';
import { frozen, type Lazy } from './types';

export interface NumberingStep {
  paragraph: Paragraph;
  /** The numbered paragraph before it, if any. */
  previous?: Paragraph;
  /** Numbering starts again here: marked by the parser, or any return to 1 after a higher number. */
  restart: boolean;
}

export interface Numbering {
  /** Numbered paragraphs (wrapped lines that merely start with `N. ` are none), in order. */
  readonly numbered: readonly Paragraph[];
  /**
   * The cable's own numbering: numbered paragraphs with their predecessor, items of a list or
   * quotation nested in a paragraph left out (they are numbered on their own).
   */
  readonly steps: readonly NumberingStep[];
  /**
   * Runs that a `para N` resolves in: numbering restarts at 1 after a heading or quoted text, and
   * a reference means a paragraph of the run it sits in.
   */
  readonly runs: readonly (readonly Paragraph[])[];
  /**
   * The `1`+N rendering of `¶N.` (CBL084): the artefact numbers, with the LaTeX `\P` numbers of the
   * same rendering; `certain` when a two-digit number shows it cannot be a real numbering.
   */
  readonly pilcrow: { readonly artefacts: readonly Paragraph[]; readonly damaged: readonly Paragraph[]; readonly certain: boolean };
  /** The step of a numbered paragraph, undefined for a nested or ambiguous one. */
  stepOf(p: Paragraph): NumberingStep | undefined;
  /**
   * A numbered heading standing alone on its line (`2. Rio Group Meeting:`, spec 4.4): not a
   * paragraph of text, and it carries no mark.
   */
  isNumberedHeading(p: Paragraph): boolean;
  /**
   * The cable is a later part of a series (`PART 2 OF 2` in its subject or above paragraph 1,
   * 06BUENOSAIRES34): its numbering may go on from the part before it.
   */
  readonly laterPart: boolean;
}

export const NO_NUMBERING: Numbering = Object.freeze({
  numbered: Object.freeze([]),
  steps: Object.freeze([]),
  runs: Object.freeze([]),
  pilcrow: Object.freeze({ artefacts: Object.freeze([]), damaged: Object.freeze([]), certain: false }),
  stepOf: () => undefined,
  isNumberedHeading: () => false,
  laterPart: false,
});

export function readNumbering(cable: Cable, lazy: Lazy): Numbering {
  const numbered = cable.paragraphs.filter((p) => !p.ambiguous);
  const steps: NumberingStep[] = [];
  const byParagraph = new Map<Paragraph, NumberingStep>();
  let previous: Paragraph | undefined;
  for (const p of numbered) {
    if (p.nested) continue;
    // A return to 1 starts a new list (lettered section headings `¶B. TRAINING …`, tables of
    // contents) far more often than it is a slip; CBL083 still points it out.
    const restart = p.restart || (previous !== undefined && p.number === 1 && previous.number > 1);
    const step = frozen(previous ? { paragraph: p, previous, restart } : { paragraph: p, restart });
    steps.push(step);
    byParagraph.set(p, step);
    previous = p;
  }
  const runs: Paragraph[][] = [];
  for (const p of numbered) {
    if (runs.length === 0 || p.restart) runs.push([]);
    runs[runs.length - 1]!.push(p);
  }
  const artefacts = numbered.filter((p) => p.artefact);
  // Read from the header's text, and asked only of a cable whose first paragraph is not 1.
  const laterPart = lazy('numbering.laterPart', () => isLaterPart(cable, numbered[0]), false);
  return new NumberingMeaning(
    numbered,
    steps,
    runs,
    {
      artefacts,
      damaged: numbered.filter((p) => p.artefact || p.latex),
      certain: artefacts.some((p) => p.number >= 10),
    },
    (p: Paragraph) => byParagraph.get(p),
    (p: Paragraph) => isNumberedHeading(cable, p),
    laterPart,
  );
}

/** A class, so that the getter sits on the prototype: a getter in a literal leaves the object in V8's dictionary mode. */
class NumberingMeaning implements Numbering {
  readonly #laterPart: () => boolean;

  constructor(
    readonly numbered: readonly Paragraph[],
    readonly steps: readonly NumberingStep[],
    readonly runs: readonly (readonly Paragraph[])[],
    readonly pilcrow: Numbering['pilcrow'],
    readonly stepOf: Numbering['stepOf'],
    readonly isNumberedHeading: Numbering['isNumberedHeading'],
    laterPart: () => boolean,
  ) {
    this.#laterPart = laterPart;
    Object.freeze(this);
  }

  get laterPart(): boolean {
    return this.#laterPart();
  }
}

const PART = /\bPART\s+(\d{1,2}|[IVX]{1,4})\s+OF\s+(?:\d{1,2}|[IVX]{1,4})\b/gi;
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

function partNumber(t: string): number {
  if (/^\d+$/.test(t)) return Number(t);
  let n = 0;
  const u = t.toUpperCase();
  for (let i = 0; i < u.length; i++) {
    const v = ROMAN[u[i]!]!;
    n += i + 1 < u.length && ROMAN[u[i + 1]!]! > v ? -v : v;
  }
  return n;
}

/** `PART n OF m` with n > 1 above the first numbered paragraph (the subject, a line of its own). */
function isLaterPart(cable: Cable, first: Paragraph | undefined): boolean {
  const head = cable.text.slice(0, first ? first.range.start.offset : Math.min(cable.text.length, cable.textStart + 400));
  for (const m of head.matchAll(PART)) if (partNumber(m[1]!) > 1) return true;
  return false;
}

/**
 * Below the heading comes a blank line, a dashed rule (06VIENNA515) or the marked text itself:
 * `-- (S) …` bullets (`¶1. KEY POINTS`, 09RIYADH447) or a line opening with its mark (`(C) The SYG …`).
 */
function isNumberedHeading(cable: Cable, p: Paragraph): boolean {
  if (p.midLine) return false;
  const l = p.numberText.range.end.line;
  const line = cable.lines[l]!;
  const rest = cable.text.slice(p.numberText.range.end.offset, line.end).trim();
  if (rest.length === 0 || rest.length > 60 || /[.,;]$/.test(rest)) return false;
  const next = cable.lines[l + 1];
  if (!next) return true;
  const below = cable.text.slice(next.start, next.end).trim();
  return below === '' || /^-{3,}$/.test(below) || /^(?:--?\s*)?\((?:TS|S|C|U|SBU)\b[^)]{0,40}\)/i.test(below);
}
