import type { Rule } from '../engine/types';


/** A REF target that is one cable reference (spec 2.4 `CableRef`), not a list run together. */
const ONE_CABLE_REF = /^(?:(?:\d{2}|\d{4}) )?(?:SECSTATE|STATE|[A-Z][A-Z .'-]*[A-Z]) 0*\d{1,7}\.?$/i;
/** A header preview cut short by the publisher (`REF: A. 07 QUITO...`, spec 4.2). */
const TRUNCATED = /(?:\.\.\.|…)\s*$/;

export const CBL076: Rule = {
  id: 'CBL076',
  name: 'ref-citation',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'Every REF letter cited in the text (REF A, REFTEL B, REFS A AND C) exists in the REF list.',
  check(ctx) {
    const refs = ctx.cable.refs;
    if (!refs || refs.items.length === 0) return;
    // The rest of the list is unknown: nothing can be said about letters beyond it.
    if (TRUNCATED.test(refs.items[refs.items.length - 1]!.target.text)) return;
    const letters = refs.items.flatMap((i) => (i.letter ? [refs.lowerCase ? i.letter.toLowerCase() : i.letter] : []));
    const only = refs.items.length === 1 && !refs.items[0]!.letter ? refs.items[0] : undefined;
    for (const c of ctx.model.references.citations) {
      // A `REFTEL` that names no letter cites the only reference, as it should.
      if (c.letter === undefined || (c.item && c.item !== only)) continue;
      const written = ctx.cable.text.slice(c.range.start.offset, c.range.end.offset);
      if (only) {
        // `REF A` for the only reference is a style slip. Another letter is wrong when the target
        // is one cable; an unlettered list of several (`PANAMA 639; PANAMA 699`) is cited by position.
        const single = ONE_CABLE_REF.test(only.target.text.trim());
        ctx.report({
          range: c.range,
          severity: c.item || !single ? 'info' : undefined,
          // The model resolves `REF A` to the first item even when that item runs several cables
          // together: only a single cable is "the only reference".
          message: !single
            ? `REF ${written} is cited but the REF list is not lettered: expected the references lettered A, B …`
            : c.item
              ? `REF ${written} is cited but the only reference is not lettered: expected it lettered ${written}. or the citation written REFTEL`
              : `REF ${written} is cited but the REF list has a single unlettered reference: expected REFTEL`,
          related: [{ range: only.target.range, message: 'the unlettered reference' }],
        });
        continue;
      }
      ctx.report({
        range: c.range,
        message: `REF ${written} is cited but not in the REF list: expected one of ${letters.join(', ') || '(no lettered items)'}`,
        related: [{ range: refs.keyword.range, message: 'REF list' }],
      });
    }
  },
};
