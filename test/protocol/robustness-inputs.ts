/**
 * Large inputs for the robustness tests and `scripts/size-check.ts`, built deterministically
 * (a fixed seed) so that a failure can be reproduced from the test name alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seeded } from '../seeded';
import { ROOT } from './lsp-client';

export const FIXTURE_CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');

export { seeded };

function fixtureTexts(): { name: string; text: string }[] {
  return readdirSync(FIXTURE_CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(FIXTURE_CORPUS, name), 'latin1').replace(/\r\n?/g, '\n') }));
}

/** `1. `, `¶1. ` (the corpus writes the pilcrow), with the portion mark if any. */
const PARAGRAPH_START = /^\s*¶?\s?(\d{1,3})\.\s+(?:\((?:TS|S|C|SBU|U)(?:\/[A-Z/ ,]*)?\)\s*)?(?=\S)/;

/** The numbered paragraphs of a cable, number and mark removed: each runs to the next blank line. */
function paragraphsOf(text: string): string[] {
  const out: string[] = [];
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      if (current) out.push(current.join('\n'));
      current = undefined;
    } else if (PARAGRAPH_START.test(line)) {
      if (current) out.push(current.join('\n'));
      current = [line.replace(PARAGRAPH_START, '')];
    } else if (current) {
      current.push(line.trimEnd());
    }
  }
  if (current) out.push(current.join('\n'));
  return out.filter((p) => p.length > 40);
}

/**
 * A cable of at least `bytes` characters made of the committed real cables: the header of the
 * first one with an UNCLAS banner, TAGS, SUBJECT and numbered paragraphs, then the real
 * paragraphs of every fixture in turn, numbered 1, 2, 3 … and marked (U), then a signature. A
 * cable as an editor would hold it, only far longer than any real one.
 */
export function cableLike(bytes: number): string {
  const files = fixtureTexts();
  let header: string | undefined;
  for (const { text } of files) {
    const at = text.search(/^\s*¶?\s?1\.\s/m);
    if (at > 0 && /^UNCLAS\b/m.test(text) && /^TAGS:/m.test(text) && /^SUBJECT:/m.test(text)) {
      header = text.slice(0, at).trimEnd();
      break;
    }
  }
  if (!header) throw new Error('no fixture cable with an UNCLAS banner, TAGS, SUBJECT and numbered paragraphs');
  const paragraphs = files.flatMap(({ text }) => paragraphsOf(text));
  if (paragraphs.length === 0) throw new Error('no numbered paragraphs in the fixtures');
  const parts = [header, ''];
  let size = header.length + 1;
  for (let n = 1; size < bytes; n++) {
    const block = `${n}. (U) ${paragraphs[(n - 1) % paragraphs.length]}\n`;
    parts.push(block);
    size += block.length + 1;
  }
  parts.push('SIGNATURE', '');
  return parts.join('\n');
}

/**
 * `bytes` characters of random printable ASCII (space to `~`) broken into lines of 0 to 160
 * characters: no structure at all for the parser to hold on to.
 */
export function randomPrintable(bytes: number, seed = 7): string {
  const next = seeded(seed);
  const out = Buffer.alloc(bytes);
  let lineLeft = Math.floor(next() * 161);
  for (let i = 0; i < bytes; i++) {
    if (lineLeft-- === 0) {
      out[i] = 0x0a;
      lineLeft = Math.floor(next() * 161);
    } else out[i] = 0x20 + Math.floor(next() * 95);
  }
  return out.toString('latin1');
}
