import type { Banner } from '../../../grammar/src/ast';
import { CAPTION_ALTERNATIVES } from '../../../grammar/src/fields';
import type { Fix, Rule, RuleContext } from '../engine/types';
import type { BannerAttempt } from '../model/classification';
import { cableYear, sectionDigitsAccepted } from '../model/sections';

const FORM = "'LEVEL [SECTION NN OF MM] POST SERIAL'";

interface Diagnosis {
  problems: string[];
  fix?: Fix;
}

const GLUED_CAPTION = new RegExp(`^(?:${CAPTION_ALTERNATIVES})`, 'i');

/** Explains why a banner-like line does not match `Banner`; no problems = an accepted variant. */
function diagnose(attempt: BannerAttempt, digits: readonly number[]): Diagnosis {
  const { level, text } = attempt;
  const problems: string[] = [];
  let fix: Fix | undefined;
  if (!level) return { problems: ['it does not start with a classification level'] };
  if (level.distance > 0) {
    problems.push(`unknown classification level '${level.raw}' (expected ${level.nearest})`);
    fix = {
      title: `Change '${level.raw}' to '${level.nearest}'`,
      edits: [{ range: attempt.levelRange!, newText: level.nearest }],
      // A level is a security marking: only a single-letter slip with one candidate is blind-safe.
      safe: level.distance === 1 && level.unique,
    };
  }
  let rest = text.slice(level.at + level.length).replace(/\s+/g, ' ').trim();
  // A banner wrapped after its level in a published copy (09BAKU687) is complete.
  if (!rest && attempt.wrapped) return { problems, ...(fix ? { fix } : {}) };
  const section = /^SECTION (\S+) (\S+) (\S+) ?/i.exec(rest);
  if (section) {
    const ok = (t: string) => /^\d+$/.test(t) && digits.includes(t.length);
    if (!ok(section[1]!) || !/^OF$/i.test(section[2]!) || !ok(section[3]!)) {
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

const CAPTION_WORD = new RegExp(`\\b(?:${CAPTION_ALTERNATIVES}|C O R R E C T E D {1,2}C ?O ?P ?Y(?: *\\([^)]*\\))?)\\b`, 'gi');
/** Where glued text may run on in a flattened header: a field, a pass line, a paragraph. */
const GLUED_FIELD = /(?:E\.? ?[O0]\.?|EO) *:? *1\d{4}|\bTAGS?\b|\bSUBJ(?:ECT)?\b|\bREF\b|CLASSIFIED +BY|\bFOR\b|\bPASS\b|\b\d{1,3}\. /i;

function checkBanner(ctx: RuleContext, banner: Banner, digits: readonly number[]): void {
  const section = banner.section;
  if (section && (!digits.includes(section.numberText.text.length) || !digits.includes(section.totalText.text.length))) {
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
    // `SECTION 1 OF 2` was the form before 1980.
    const digits = sectionDigitsAccepted(cableYear(ctx.model.dates.cableDate, ctx.referenceId));
    for (const b of [...(cable.banner ? [cable.banner] : []), ...cable.sectionBanners]) checkBanner(ctx, b, digits);

    // One report per line: a line may be both a malformed banner and a candidate.
    const seen = new Set<number>();
    for (const attempt of ctx.model.classification.bannerAttempts) {
      const line = attempt.range.start.line;
      if (seen.has(line)) continue;
      seen.add(line);
      const { problems, fix } = diagnose(attempt, digits);
      // No problem found: an accepted spelling the parser did not read as a banner.
      if (!problems.length) continue;
      // Asked only for a line to report: most texts have none, and the question reads the whole page.
      const another = ctx.model.anotherCable;
      ctx.report({
        range: attempt.range,
        // Garbled where the page joins it to the envelope, which states what it should say, or
        // another cable's banner under this envelope: the page's doing, not the drafter's.
        publication: line === another.bannerLine && (another.bannerGarbled || another.envelope),
        message: `banner line does not match ${FORM}: ${problems.join('; ')}`,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};
