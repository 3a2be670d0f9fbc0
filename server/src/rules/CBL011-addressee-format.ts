import { rangeAt } from '../../../grammar/src/positions';
import { lookupRoutingIndicator } from '../data/index';
import type { Rule } from '../engine/types';
import { findBannerCandidates } from './CBL021-banner-format';

const ADDRESSEE =
  /^(?:(?:TO|INFO|XMT) +)?(?:R[A-Z]{3,7}\/)?[A-Z0-9].*?(?: +(?:FLASH|NIACT IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE))?(?: +\d{4})?$/;
const KEYWORD = /^(?:(?:TO|INFO|XMT) +)?/;
/** An indicator written without its slash: `RUEHC SECSTATE WASHDC`. */
const RI_SPACE = /^(R[A-Z]{3,7}) +(?=[A-Z0-9])/;
const SEQUENCE = /(?:FLASH|IMMEDIATE|PRIORITY|ROUTINE) +(\d+)$/;
const FORM = "'[TO|INFO] <RI>/<addressee> [PRECEDENCE] [NNNN]'";
/** A publisher's rule line (`----- header ends -----`): not part of the message. */
const SEPARATOR = /^-{3,}/;
/** A banner glued after other text (`Cable dated:…C O N F I D E N T I A L … RIYADH 000732`). */
const GLUED_BANNER =
  /(?:C O N F I D E N T I A L|S E C R E T|UNCLAS|CONFIDENTIAL|SECRET)\s+(?:SECTION \d+ OF \d+ )?[A-Z][A-Z .'-]*[A-Z] \d{4,8}/;

export const CBL011: Rule = {
  id: 'CBL011',
  name: 'addressee-format',
  defaultSeverity: 'warning',
  severityByProfile: { draft: 'off' },
  fixable: true,
  description: "Every line of the TO/INFO block is '[TO|INFO|XMT] [RI/]PLAD [PRECEDENCE] [NNNN]'.",
  check(ctx) {
    const env = ctx.cable.envelope;
    if (!env) return;
    const { lines } = ctx.cable;
    // The addressee block ends at the banner. When the parser missed a broken banner it reads
    // the banner and what follows as addressees: those lines are CBL021's, not this rule's.
    const stop = Math.min(
      ...findBannerCandidates(ctx.cable).map((c) => c.start),
      ...env.lines.filter((l) => GLUED_BANNER.test(l.text)).map((l) => l.range.start.offset),
    );
    let inBlock = false;
    for (const line of env.lines) {
      if (line.range.start.offset >= stop) break;
      const kind = line.lineKind;
      if (kind === 'to' || kind === 'info' || kind === 'xmt') inBlock = true;
      if (!inBlock || (kind !== 'to' && kind !== 'info' && kind !== 'xmt' && kind !== 'addressee')) continue;
      const text = line.text;
      const base = line.range.start.offset;
      if (SEPARATOR.test(text)) continue;
      if (!ADDRESSEE.test(text)) {
        ctx.report({ range: line.range, message: `addressee line '${text}' does not match ${FORM}` });
        continue;
      }
      const bodyAt = KEYWORD.exec(text)![0].length;
      const body = text.slice(bodyAt);
      const ri = RI_SPACE.exec(body);
      // A PLAD may itself start with an R-word (ROME, RIYADH): only a listed indicator or the
      // RU/RH family that every State indicator belongs to counts as a missing slash.
      if (ri && (lookupRoutingIndicator(ri[1]!) || /^R[UH]/.test(ri[1]!))) {
        const gapStart = base + bodyAt + ri[1]!.length;
        const gapEnd = base + bodyAt + ri[0].length;
        const plad = body.slice(ri[0].length);
        ctx.report({
          range: rangeAt(lines, base + bodyAt, gapStart),
          message: `routing indicator ${ri[1]} is not joined to its addressee: expected '${ri[1]}/${plad}'`,
          fixes: [
            {
              title: `Join with '/': ${ri[1]}/${plad.split(' ')[0]}`,
              edits: [{ range: rangeAt(lines, gapStart, gapEnd), newText: '/' }],
              safe: Boolean(lookupRoutingIndicator(ri[1]!)),
            },
          ],
        });
        continue;
      }
      const seq = SEQUENCE.exec(text);
      if (seq && seq[1]!.length !== 4) {
        const start = base + seq.index + seq[0].length - seq[1]!.length;
        const range = rangeAt(lines, start, start + seq[1]!.length);
        const padded = seq[1]!.length < 4 ? seq[1]!.padStart(4, '0') : undefined;
        ctx.report({
          range,
          message: `sequence number '${seq[1]}' has ${seq[1]!.length} digits: expected 4`,
          ...(padded
            ? { fixes: [{ title: `Pad the sequence number to ${padded}`, edits: [{ range, newText: padded }], safe: true }] }
            : {}),
        });
      }
    }
  },
};
