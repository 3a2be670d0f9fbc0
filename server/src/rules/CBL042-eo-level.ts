import type { Fix, Rule } from '../engine/types';
import { daysInMonth } from '../model/dates';

// A bare date or code after the order (`E.O. 12958: 03/24/2019`, `E.O. 11652: GDS`) is a
// declassification instruction written without its keyword: CBL041's, not a level mismatch.
const BARE_DECL = /^\(?(?:\d{1,4}[/-]\d{1,2}[/-]\d{2,4}|X[1-8]|25X\d.*|50X\d.*|OADR|GDS|MR)\)?\.?$/i;

export const CBL042: Rule = {
  id: 'CBL042',
  name: 'eo-level',
  defaultSeverity: 'error',
  fixable: true,
  description: 'UNCLAS cables write N/A on the E.O. line; CONFIDENTIAL and SECRET cables write DECL: (or DNG:).',
  check(ctx) {
    const { cable, model } = ctx;
    const eo = cable.eo;
    const rank = model.classification.bannerRank;
    if (!eo || rank === undefined || !cable.banner) return;
    const level = cable.banner.level;
    const bodyText = eo.body?.text.trim() ?? '';
    const reading = model.dates.decl;
    // `DECLASSIFIED BY NARA …` on a released old cable records its history.
    if (reading?.kind === 'declassified') return;

    if (rank === 0) {
      if (eo.bodyKind === 'N/A' || /^N\.?\s*A\.?$/i.test(bodyText)) return;
      const isDecl = eo.bodyKind === 'DECL' || eo.bodyKind === 'DNG' || BARE_DECL.test(bodyText);
      if (!isDecl || !eo.body) return;
      ctx.report({
        range: eo.body.range,
        message: `${level} cable: the E.O. line should read N/A, found "${bodyText}"`,
        related: [{ range: cable.banner.levelText.range, message: `banner level ${level}` }],
        fixes: [{ title: `Replace "${bodyText}" with N/A`, edits: [{ range: eo.body.range, newText: 'N/A' }], safe: false }],
      });
      return;
    }

    if (eo.bodyKind === 'DECL' || eo.bodyKind === 'DNG' || BARE_DECL.test(bodyText)) return;
    if (eo.bodyKind !== 'N/A' && bodyText) return; // an unreadable body is CBL041's
    const ref = model.dates.referenceDate(ctx.profile, ctx.now);
    let fix: Fix | undefined;
    if (ref && eo.body) {
      // Ten years after the cable date is the norm (82 % of corpus cables).
      const y = ref.year + 10;
      const d = Math.min(ref.day, daysInMonth(y, ref.month));
      const date = `${String(ref.month).padStart(2, '0')}/${String(d).padStart(2, '0')}/${y}`;
      fix = { title: `Replace N/A with "DECL: ${date}" (ten years)`, edits: [{ range: eo.body.range, newText: `DECL: ${date}` }], safe: false };
    }
    ctx.report({
      range: eo.body?.range ?? eo.range,
      message: `${level} cable: the E.O. line needs "DECL: <date>" (or DNG:), found ${bodyText ? `"${bodyText}"` : 'no value'}`,
      related: [{ range: cable.banner.levelText.range, message: `banner level ${level}` }],
      ...(fix ? { fixes: [fix] } : {}),
    });
  },
};
