import type { ClassificationLevel } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';

const CODE_LEVEL: Record<string, ClassificationLevel> = {
  U: 'UNCLASSIFIED',
  E: 'UNCLASSIFIED EFTO',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  T: 'TOP SECRET',
};

const LEVEL_CODE: Record<ClassificationLevel, string | undefined> = {
  UNCLASSIFIED: 'UUUUU',
  'UNCLASSIFIED EFTO': 'EEEEE',
  CONFIDENTIAL: 'CCCCC',
  SECRET: 'SSSSS',
  'TOP SECRET': 'TTTTT',
  // No FL4 code is documented for LIMITED OFFICIAL USE: it is not compared.
  'LIMITED OFFICIAL USE': undefined,
};

/**
 * Level letter of an FL4 code. `SSSAA`/`UUUAA` occur on sent cables (spec 4.4), so three
 * repeated letters decide the level.
 */
function codeLetter(code: string): string | undefined {
  const m = /^([UECST])\1\1[A-Z]{2}$/.exec(code);
  return m ? m[1] : undefined;
}

export const CBL005: Rule = {
  id: 'CBL005',
  name: 'security-line-level',
  defaultSeverity: 'error',
  severityByProfile: { draft: 'off' },
  fixable: false,
  description: 'The security line code (FL4: UUUUU, EEEEE, CCCCC, SSSSS, TTTTT) matches the banner classification.',
  check(ctx) {
    const sec = ctx.cable.envelope?.security;
    if (!sec?.code) return;
    const code = sec.code.text;
    const letter = codeLetter(code);
    if (!letter) {
      ctx.report({
        range: sec.code.range,
        message: `security code '${code}' is not a classification code: expected UUUUU, EEEEE, CCCCC, SSSSS or TTTTT`,
      });
      return;
    }
    const banner = ctx.model.classification.bannerLevel;
    if (!banner) return;
    const expected = LEVEL_CODE[banner.level];
    if (!expected || letter === expected[0]) return;
    ctx.report({
      range: sec.code.range,
      // A page that put one cable's envelope above another cable's banner (07PARIS2725): the publisher's.
      publication: ctx.model.anotherCable.envelope,
      message: `security code ${code} (${CODE_LEVEL[letter]}) does not match the banner level ${banner.level}: expected ${expected}`,
      related: [{ range: banner.levelText.range, message: `banner level ${banner.level}` }],
    });
  },
};
