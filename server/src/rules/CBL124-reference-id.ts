import type { Range } from '../../../grammar/src/ast';
import type { Rule } from '../engine/types';

const REFERENCE_ID = /^(\d{2})([A-Z]{3,17}?)0*(\d{1,7})$/;

/** The id as a file name or flag may carry it: path, extension and case removed. */
function normalise(id: string): string {
  return id
    .trim()
    .replace(/^.*[\\/]/, '')
    .replace(/\.(?:txt|cable|html?|md)$/i, '')
    .toUpperCase();
}

export const CBL124: Rule = {
  id: 'CBL124',
  name: 'reference-id',
  defaultSeverity: 'info',
  fixable: false,
  description: 'A reference id supplied from outside (file name, CLI flag) equals the one built from DTG year, banner post and serial.',
  check(ctx) {
    const { cable } = ctx;
    // A redacted post (`XXXXXXXXXXXX 000004`) cannot be compared.
    if (!ctx.referenceId || !cable.banner || /^X{4,}$/i.test(cable.banner.post.text)) return;
    const supplied = normalise(ctx.referenceId);
    const given = REFERENCE_ID.exec(supplied);
    // A name that is not shaped like a reference id (`draft.cable`) claims nothing.
    if (!given) return;
    const built = ctx.model.referenceId;
    if (!built) return;
    const own = REFERENCE_ID.exec(built);
    if (!own || (given[1] === own[1] && given[2] === own[2] && given[3] === own[3])) return;

    const banner = cable.banner;
    const diffs: string[] = [];
    let range: Range | undefined;
    if (given[3] !== own[3]) {
      diffs.push(`serial ${given[3]} vs banner serial ${banner.serial.text}`);
      range ??= banner.serial.range;
    }
    if (given[2] !== own[2]) {
      diffs.push(`post ${given[2]} vs banner post ${banner.post.text} (${own[2]})`);
      range ??= banner.post.range;
    }
    if (given[1] !== own[1]) {
      const date = ctx.model.dates.cableDate;
      diffs.push(`year ${given[1]} vs DTG year ${date?.year ?? own[1]}`);
      range ??= (cable.envelope?.dtg ?? cable.wrapperDtg)?.value?.range ?? banner.range;
    }
    ctx.report({
      range: range ?? banner.range,
      message: `reference id ${supplied} differs from ${built} built from the text: ${diffs.join('; ')}`,
    });
  },
};
