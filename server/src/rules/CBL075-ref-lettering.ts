import type { RefItem } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';

/** The label as the list writes it, for messages: `A.`, `A)`, `(A)`. */
function label(letter: string, style: RefItem['style'], lower: boolean): string {
  const l = lower ? letter.toLowerCase() : letter;
  return style === 'paren' ? `${l})` : style === 'enclosed' ? `(${l})` : `${l}.`;
}

export const CBL075: Rule = {
  id: 'CBL075',
  name: 'ref-lettering',
  defaultSeverity: 'warning',
  fixable: false,
  description: 'With more than one reference, REF items are lettered A, B, C … consecutively in one style.',
  check(ctx) {
    const refs = ctx.cable.refs;
    if (!refs || refs.items.length < 2) return;
    const lower = refs.lowerCase;
    let expected = 'A';
    let style: RefItem['style'];
    let styleItem: RefItem | undefined;
    // One mixed list is one slip: report the first item that changes style.
    let styleReported = false;
    for (const item of refs.items) {
      if (!item.letter || !item.letterSpan) {
        ctx.report({
          range: item.target.range,
          message: `REF item ${item.target.text.slice(0, 30)} has no letter: expected ${label(expected, style, lower)} in a list of ${refs.items.length} references`,
        });
        expected = String.fromCharCode(expected.charCodeAt(0) + 1);
        continue;
      }
      if (item.letter !== expected) {
        const found = label(item.letter, item.style, lower);
        ctx.report({
          range: item.letterSpan.range,
          message:
            item.letter < expected
              ? `REF item ${found} repeats or goes back: expected ${label(expected, item.style, lower)}`
              : `REF item ${found} skips a letter: expected ${label(expected, item.style, lower)}`,
        });
      } else if (style && item.style && item.style !== style && styleItem && !styleReported) {
        styleReported = true;
        ctx.report({
          range: item.letterSpan.range,
          message: `REF item ${label(item.letter, item.style, lower)} is lettered in another style: expected ${label(item.letter, style, lower)} as in ${label(styleItem.letter!, style, lower)}`,
          related: [{ range: styleItem.letterSpan!.range, message: 'first lettered item' }],
        });
      }
      if (!style && item.style) {
        style = item.style;
        styleItem = item;
      }
      // Continue from what is written, so one slip is reported once.
      expected = String.fromCharCode(Math.max(expected.charCodeAt(0), item.letter.charCodeAt(0) + 1));
    }
  },
};
