import { distance } from 'fastest-levenshtein';
import type { Banner, Cable, Range } from '../../../grammar/src/ast';
import { lineIndexAt, rangeAt } from '../../../grammar/src/positions';
import { lookupRoutingIndicator, postByBannerPost } from '../data/index';
import type { Fix, Rule, RuleContext } from '../engine/types';

/** Levels as written without letter-spacing, squeezed (no blanks) for comparison. */
const LEVELS: readonly { squeezed: string; written: string }[] = [
  { squeezed: 'LIMITEDOFFICIALUSE', written: 'LIMITED OFFICIAL USE' },
  { squeezed: 'TOPSECRET', written: 'TOP SECRET' },
  { squeezed: 'UNCLASSIFIED', written: 'UNCLASSIFIED' },
  { squeezed: 'CONFIDENTIAL', written: 'CONFIDENTIAL' },
  { squeezed: 'UNCLAS', written: 'UNCLAS' },
  { squeezed: 'SECRET', written: 'SECRET' },
];

/**
 * Real words that sit within edit distance 2 of a level and start envelope or pass lines
 * (`SECDEF WASHDC`, a PLAD-only addressee): never read as a misspelt banner.
 */
const NOT_LEVELS: ReadonlySet<string> = new Set(['SECDEF', 'UNCLE']);

const FORM = "'LEVEL [SECTION NN OF MM] POST SERIAL'";

export interface LeadingLevel {
  /** Offset of the level in the line text and its length. */
  at: number;
  length: number;
  /** As written. */
  raw: string;
  /** Upper case, blanks removed. */
  squeezed: string;
  /** Nearest level and its edit distance from `squeezed`. */
  nearest: string;
  distance: number;
}

/**
 * Reads the classification-level word(s) a line starts with: one to fourteen words joined
 * (`SECRET`, `TOP SECRET`, `C O N F I D E N T I A L`, the oddly spaced `SE C R E T` and
 * `C ONFIDENTIAL` of published copies). The reading closest to a known level wins, the
 * longer one on a tie. Up to three characters glued before the level (`.C O N F …`) are
 * skipped: glued text before the banner is an accepted variant (spec 4.4).
 */
export function readLeadingLevel(line: string): LeadingLevel | undefined {
  const lead = /^\s*(?:[^\sA-Za-z0-9]{1,3}\s*)?/.exec(line)![0].length;
  const s = line.slice(lead);
  const word = /[A-Za-z]+/y;
  let best: LeadingLevel | undefined;
  let at = 0;
  for (let k = 0; k < 14; k++) {
    word.lastIndex = at;
    const w = word.exec(s);
    if (!w) break;
    const raw = s.slice(0, word.lastIndex);
    const squeezed = raw.replace(/ /g, '').toUpperCase();
    if (squeezed.length > 22) break;
    for (const lvl of LEVELS) {
      const d = distance(squeezed, lvl.squeezed);
      if (!best || d < best.distance || (d === best.distance && raw.length > best.length)) {
        best = { at: lead, length: raw.length, raw, squeezed, nearest: lvl.written, distance: d };
      }
    }
    const gap = /^ {1,2}(?=[A-Za-z])/.exec(s.slice(word.lastIndex));
    if (!gap) break;
    at = word.lastIndex + gap[0].length;
  }
  return best;
}

/** A misspelt level: within distance 2, long enough not to be any short word, not a known word. */
function misspeltLevel(l: LeadingLevel): boolean {
  return (
    l.distance > 0 &&
    l.distance <= 2 &&
    l.squeezed.length >= 4 &&
    !NOT_LEVELS.has(l.squeezed) &&
    !lookupRoutingIndicator(l.squeezed) &&
    !postByBannerPost(l.squeezed)
  );
}

export interface BannerCandidate {
  start: number;
  end: number;
  text: string;
  level: LeadingLevel;
}

/**
 * Lines of the classification region that try to be a banner when the parser found none:
 * between the envelope's FM line (a broken banner is otherwise read as one more addressee)
 * or the document start, and the first header field. Bounded by the region, so linear.
 */
export function findBannerCandidates(cable: Cable): BannerCandidate[] {
  if (cable.banner) return [];
  const env = cable.envelope;
  const { lines, text } = cable;
  const startLine = env ? (env.fm ?? env.lines[env.lines.length - 1]!).range.end.line + 1 : 0;
  const stop = cable.headerOrder[0] ?? cable.paragraphs[0];
  const endLine = Math.min(stop ? stop.range.start.line : startLine + 40, lines.length);
  // A broken banner at the top of a draft is read as preamble: scan that, skip the rest of the wrapper.
  const wrapper = cable.wrapper.filter((w) => w.role !== 'preamble');
  const out: BannerCandidate[] = [];
  for (let i = startLine; i < endLine; i++) {
    const ln = lines[i]!;
    if (wrapper.some((w) => w.range.start.line <= i && i <= w.range.end.line)) continue;
    const raw = text.slice(ln.start, ln.end).replace(/[\s\\]+$/, '');
    if (!raw.trim()) continue;
    const level = readLeadingLevel(raw);
    if (!level) continue;
    const rest = raw.slice(level.at + level.length);
    if (level.distance === 0) {
      // The level word followed by something banner-like, or alone on its line.
      if (!/^\s*$|^\s+(?:SECTION\b|[A-Za-z][A-Za-z .'-]*\s\S*\d)/i.test(rest)) continue;
    } else if (!misspeltLevel(level) || !/\d{3}/.test(rest) || raw.includes('/')) continue;
    const lead = level.at;
    out.push({ start: ln.start + lead, end: ln.start + raw.length, text: raw.slice(lead), level });
  }
  return out;
}

interface Diagnosis {
  problems: string[];
  fix?: Fix;
}

const GLUED_CAPTION = /^(?:SIPDIS|SENSITIVE|NOFORN|NODIS|EXDIS|LIMDIS|STADIS)/i;
/** The rest of a banner wrapped onto the next line: `SECTION 01 OF 02 BAKU 000687 …`. */
const BANNER_TAIL = /^\s*(?:SECTION\s+\d{2}\s+OF\s+\d{2}\s+)?[A-Za-z][A-Za-z .'-]*[A-Za-z]\s+\d{4,8}(?!\d)/i;

/** Explains why a banner-like line does not match `Banner`; no problems = an accepted variant. */
function diagnose(cable: Cable, start: number, text: string, level: LeadingLevel | undefined): Diagnosis {
  const problems: string[] = [];
  let fix: Fix | undefined;
  if (!level) return { problems: ['it does not start with a classification level'] };
  if (level.distance > 0) {
    problems.push(`unknown classification level '${level.raw}' (expected ${level.nearest})`);
    const unique = LEVELS.filter((l) => distance(level.squeezed, l.squeezed) === level.distance).length === 1;
    fix = {
      title: `Change '${level.raw}' to '${level.nearest}'`,
      edits: [{ range: rangeAt(cable.lines, start + level.at, start + level.at + level.length), newText: level.nearest }],
      // A level is a security marking: only a single-letter slip with one candidate is blind-safe.
      safe: level.distance === 1 && unique,
    };
  }
  let rest = text.slice(level.at + level.length).replace(/\s+/g, ' ').trim();
  if (!rest) {
    // A banner wrapped after its level in a published copy (09BAKU687) is complete.
    const i = lineIndexAt(cable.lines, start);
    let j = i + 1;
    while (j < cable.lines.length && !cable.text.slice(cable.lines[j]!.start, cable.lines[j]!.end).trim()) j++;
    const next = j < cable.lines.length ? cable.text.slice(cable.lines[j]!.start, cable.lines[j]!.end) : '';
    if (j <= i + 2 && BANNER_TAIL.test(next)) return { problems, ...(fix ? { fix } : {}) };
  }
  const section = /^SECTION (\S+) (\S+) (\S+) ?/i.exec(rest);
  if (section) {
    if (!/^\d{2}$/.test(section[1]!) || !/^OF$/i.test(section[2]!) || !/^\d{2}$/.test(section[3]!)) {
      problems.push(`section marker '${section[0].trim()}' (expected 'SECTION NN OF MM' with two digits)`);
    }
    rest = rest.slice(section[0].length);
  }
  const words = rest.split(' ').filter(Boolean);
  const serialAt = words.findIndex((w) => /\d/.test(w));
  if (serialAt < 0) {
    problems.push(words.length ? `no serial after the post '${words.join(' ')}'` : 'no post and serial after the level');
  } else {
    if (serialAt === 0) problems.push(`no post before the serial '${words[0]}'`);
    const token = words[serialAt]!;
    const digits = /^\d+/.exec(token)?.[0] ?? '';
    const tail = token.slice(digits.length);
    // A caption glued to the serial (`000732SENSITIVE`) is an accepted variant.
    if (!digits || (tail && !GLUED_CAPTION.test(tail))) problems.push(`serial '${token}' is not a number`);
    else if (digits.length < 4 || digits.length > 8) {
      problems.push(`serial '${digits}' has ${digits.length} digits (expected 4–8, usually 6)`);
    }
  }
  return { problems, ...(fix ? { fix } : {}) };
}

const CAPTION_WORD =
  /\b(?:SIPDIS|SENSITIVE BUT UNCLASSIFIED|SENSITIVE|NOFORN|NODIS|EXDIS|LIMDIS|STADIS|CHEROKEE|CONDIS|ROGER CHANNEL|DISSENT CHANNEL|SPECAT(?: EXCLUSIVE)?|NOT FOR INTERNET DISTRIBUTION|C O R R E C T E D {1,2}C ?O ?P ?Y(?: *\([^)]*\))?)\b/gi;
/** Where glued text may run on in a flattened header: a field, a pass line, a paragraph. */
const GLUED_FIELD = /(?:E\.? ?[O0]\.?|EO) *:? *1\d{4}|\bTAGS?\b|\bSUBJ(?:ECT)?\b|\bREF\b|CLASSIFIED +BY|\bFOR\b|\bPASS\b|\b\d{1,3}\. /i;

function checkBanner(ctx: RuleContext, banner: Banner): void {
  const section = banner.section;
  if (section && (section.numberText.text.length !== 2 || section.totalText.text.length !== 2)) {
    const n = String(section.number).padStart(2, '0');
    const m = String(section.total).padStart(2, '0');
    ctx.report({
      range: section.range,
      message: `banner section marker '${section.text}' does not match ${FORM}: expected 'SECTION ${n} OF ${m}'`,
    });
  }
  const rest = banner.rest;
  if (!rest || ctx.cable.reflowed) return;
  // After the serial only captions may follow, unless the header was flattened onto this line.
  const leftover = rest.text.replace(CAPTION_WORD, ' ').replace(/[\s,;/.\\"'()-]+/g, ' ').trim();
  if (!leftover || GLUED_FIELD.test(rest.text)) return;
  ctx.report({
    range: rest.range,
    message: `unexpected text after the banner serial: '${rest.text}' (only captions such as NOFORN or SIPDIS may follow)`,
  });
}

export const CBL021: Rule = {
  id: 'CBL021',
  name: 'banner-format',
  defaultSeverity: 'error',
  fixable: true,
  description: `A line that starts with a classification level (or a near misspelling) is a banner: ${FORM}.`,
  check(ctx) {
    const { cable } = ctx;
    for (const b of [...(cable.banner ? [cable.banner] : []), ...cable.sectionBanners]) checkBanner(ctx, b);

    const seen = new Set<number>();
    const reportLine = (start: number, text: string, range: Range) => {
      const level = readLeadingLevel(text);
      const { problems, fix } = diagnose(cable, start, text, level);
      // No problem found: an accepted spelling the parser did not read as a banner.
      if (!problems.length) return;
      ctx.report({
        range,
        message: `banner line does not match ${FORM}: ${problems.join('; ')}`,
        ...(fix ? { fixes: [fix] } : {}),
      });
    };
    for (const m of cable.malformedBanners) {
      seen.add(m.range.start.line);
      reportLine(m.range.start.offset, m.text, m.range);
    }
    for (const c of findBannerCandidates(cable)) {
      const line = lineIndexAt(cable.lines, c.start);
      if (seen.has(line)) continue;
      seen.add(line);
      reportLine(c.start, c.text, rangeAt(cable.lines, c.start, c.end));
    }
  },
};
