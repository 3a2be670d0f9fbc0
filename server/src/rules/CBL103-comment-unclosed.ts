import type { Rule } from '../engine/types';

export const CBL103: Rule = {
  id: 'CBL103',
  name: 'comment-unclosed',
  defaultSeverity: 'info',
  // A comment running to the end needs no END COMMENT: 549 of ~920 corpus comments are unclosed.
  enabledByDefault: false,
  fixable: false,
  description: '`COMMENT:` not closed although further numbered paragraphs follow that do not continue it.',
  check(ctx) {
    for (const { mark, next } of ctx.model.blocks.commentsLeftOpen) {
      ctx.report({
        range: mark.range,
        message: `comment opened by \`${mark.text}\` is not closed before paragraph ${next.number}: expected \`END COMMENT\``,
        related: [{ range: next.numberText.range, message: `paragraph ${next.number} is not part of the comment` }],
      });
    }
  },
};
