import type { Range, WrapperPart } from '../../../grammar/src/ast';
import { rangeAt } from '../../../grammar/src/positions';
import type { Rule } from '../engine/types';

const WRAPPER_NAMES: Record<WrapperPart['role'], string> = {
  preamble: 'publisher page text',
  'partial-extract-note': 'partial-extract note',
  metadata: 'publisher metadata',
  distribution: 'distribution block',
  trailer: 'publisher trailer',
  'date-line': 'media date line',
  'envelope-copy': 'second copy of the envelope',
  preview: 'truncated header preview',
};

export const CBL123: Rule = {
  id: 'CBL123',
  name: 'publication-artefact',
  defaultSeverity: 'info',
  // Normal in a published record; only a draft should not carry them.
  severityByProfile: { published: 'off' },
  fixable: true,
  description: 'Publication artefacts in a draft: `¶`, `\\$`, LaTeX `\\P`, leading `- ` bullets, `\\` line ends, wrapper lines.',
  check(ctx) {
    const { cable } = ctx;
    const text = cable.text;
    const range = (a: number, b: number): Range => rangeAt(cable.lines, a, b);

    for (const w of cable.wrapper) {
      if (!w.text.trim()) continue;
      ctx.report({
        range: w.range,
        message: `${WRAPPER_NAMES[w.role]} is added by the publisher, not part of a cable: remove it from a draft`,
        fixes: [{ title: `Remove the ${WRAPPER_NAMES[w.role]}`, edits: [{ range: w.range, newText: '' }], safe: false }],
      });
    }

    // The `1`+N rendering is CBL084's, including its LaTeX numbers and bullets.
    const renumbering = cable.paragraphs.some((p) => p.artefact);
    const numberStarts = new Set<number>();
    for (const p of cable.paragraphs) {
      if (renumbering && (p.artefact || p.latex)) {
        numberStarts.add(p.numberText.range.start.offset);
        continue;
      }
      const nt = p.numberText;
      if (p.latex) {
        numberStarts.add(nt.range.start.offset);
        ctx.report({
          range: nt.range,
          message: `\`${nt.text}\` is a LaTeX rendering of \`¶${p.written}.\`: expected \`${p.written}.\``,
          fixes: [{ title: `Replace \`${nt.text}\` with \`${p.written}.\``, edits: [{ range: nt.range, newText: `${p.written}.` }], safe: true }],
        });
      } else if (p.bullet && !p.artefact) {
        const a = nt.range.start.offset;
        const r = range(a, a + 2);
        ctx.report({
          range: r,
          message: `\`- \` before paragraph ${p.written} is a rendering artefact: expected the number to start the line`,
          fixes: [{ title: 'Remove the bullet', edits: [{ range: r, newText: '' }], safe: true }],
        });
      }
    }

    const { wrapper } = ctx.model;
    // One regular-expression pass over the text, not a loop over every character.
    const artefacts = /\u00b6|\\\$/g;
    let at = 0;
    for (let m = artefacts.exec(text); m; m = artefacts.exec(text)) {
      const i = m.index;
      while (at < cable.lines.length - 1 && cable.lines[at]!.end < i) at++;
      if (wrapper.isWrapperLine(at)) continue;
      if (m[0] === '¶') {
        if (numberStarts.has(i)) continue;
        // `¶ 1.`: the space belonged to the pilcrow.
        const end = text[i + 1] === ' ' && /\d/.test(text[i + 2] ?? '') ? i + 2 : i + 1;
        const r = range(i, end);
        ctx.report({
          range: r,
          message: '`¶` is added by the publisher\'s renderer: a cable numbers paragraphs without it',
          fixes: [{ title: 'Remove `¶`', edits: [{ range: r, newText: '' }], safe: true }],
        });
      } else {
        const r = range(i, i + 1);
        ctx.report({
          range: r,
          message: '`\\$` is an escaped dollar sign from a rendering: expected `$`',
          fixes: [{ title: 'Replace `\\$` with `$`', edits: [{ range: r, newText: '' }], safe: true }],
        });
      }
    }
    for (let l = 0; l < cable.lines.length; l++) {
      if (wrapper.isWrapperLine(l)) continue;
      const line = cable.lines[l]!;
      let end = line.end;
      while (end > line.start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
      if (end > line.start && text[end - 1] === '\\' && text[end - 2] !== '\\') {
        const r = range(end - 1, end);
        ctx.report({
          range: r,
          message: '`\\` at the end of the line is a rendering artefact: expected the line to end with its text',
          fixes: [{ title: 'Remove the `\\`', edits: [{ range: r, newText: '' }], safe: true }],
        });
      }
    }
  },
};
