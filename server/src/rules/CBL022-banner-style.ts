import type { Banner } from '../../../grammar/src/ast';
import type { Fix, Rule, RuleContext } from '../engine/types';

const SPACED: Partial<Record<Banner['level'], string>> = {
  CONFIDENTIAL: 'C O N F I D E N T I A L',
  SECRET: 'S E C R E T',
  'TOP SECRET': 'T O P S E C R E T',
};

function check(ctx: RuleContext, banner: Banner): void {
  const lvl = banner.levelText;
  const spaced = SPACED[banner.level];
  if (spaced && !banner.spaced) {
    const fix: Fix = { title: `Letter-space the level: ${spaced}`, edits: [{ range: lvl.range, newText: spaced }], safe: true };
    ctx.report({ range: lvl.range, message: `classified level '${lvl.text}' is not letter-spaced: expected '${spaced}'`, fixes: [fix] });
  }
  if (banner.level === 'UNCLASSIFIED' && lvl.text.replace(/ /g, '').toUpperCase() === 'UNCLASSIFIED') {
    const fix: Fix = { title: "Write 'UNCLAS'", edits: [{ range: lvl.range, newText: 'UNCLAS' }], safe: true };
    ctx.report({ range: lvl.range, message: `banner writes '${lvl.text}': expected 'UNCLAS'`, fixes: [fix] });
  }
  const serial = banner.serial.text;
  if (/^\d+$/.test(serial) && serial.length !== 6) {
    const value = String(Number(serial));
    // Padding or dropping leading zeros keeps the number; a longer number has no 6-digit form.
    const six = value.length <= 6 ? value.padStart(6, '0') : undefined;
    ctx.report({
      range: banner.serial.range,
      message: `banner serial '${serial}' has ${serial.length} digits: expected 6${six ? ` ('${six}')` : ''}`,
      ...(six
        ? { fixes: [{ title: `Write the serial as ${six}`, edits: [{ range: banner.serial.range, newText: six }], safe: true }] }
        : {}),
    });
  }
}

export const CBL022: Rule = {
  id: 'CBL022',
  name: 'banner-style',
  defaultSeverity: 'info',
  enabledByDefault: false,
  fixable: true,
  description: "House style of the banner: classified levels letter-spaced, 'UNCLAS' not 'UNCLASSIFIED', a 6-digit serial.",
  check(ctx) {
    const { cable } = ctx;
    for (const b of [...(cable.banner ? [cable.banner] : []), ...cable.sectionBanners]) check(ctx, b);
  },
};
