/**
 * The texts the benchmark runs on: the real cables of the public corpus, and synthetic cables of
 * a chosen size built from their paragraphs (a real header, then real paragraphs renumbered in
 * turn), so that size is the only thing that changes between two of them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCable } from '../server/src/host/decode';

export interface CorpusCable {
  name: string;
  text: string;
  /** Size on disk, the unit of every MB/s figure. */
  bytes: number;
}

export function corpusDir(root: string): string {
  return process.env.CABLE_CORPUS ?? join(root, '..', 'shared', 'corpus', 'public');
}

/** Every `.txt` cable of the folder, in name order, decoded as the CLI decodes it. */
export function readCorpus(dir: string): CorpusCable[] {
  if (!existsSync(dir)) throw new Error(`no corpus at ${dir} (set CABLE_CORPUS)`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const bytes = readFileSync(join(dir, f));
      return { name: f, text: decodeCable(bytes), bytes: bytes.length };
    });
}

/** `1. `, `¶1. ` (the corpus writes the pilcrow), with the portion mark if any. */
const PARAGRAPH_START = /^\s*¶?\s?(\d{1,3})\.\s+(?:\((?:TS|S|C|SBU|U)(?:\/[A-Z/ ,]*)?\)\s*)?(?=\S)/;

/** The numbered paragraphs of a cable without number and mark, each as its wrapped lines. */
export function paragraphsOf(text: string): string[][] {
  const out: string[][] = [];
  let current: string[] | undefined;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      if (current) out.push(current);
      current = undefined;
    } else if (PARAGRAPH_START.test(line)) {
      if (current) out.push(current);
      current = [line.replace(PARAGRAPH_START, '')];
    } else if (current) {
      current.push(line);
    }
  }
  if (current) out.push(current);
  // Short ones are mostly headings or list debris, not drafting prose.
  return out.filter((p) => p.join(' ').length > 80 && p.every((l) => l.length <= 69));
}

export interface SyntheticSource {
  /** Envelope, banner, TAGS and SUBJECT of a real transmitted cable, up to its paragraph 1. */
  header: string;
  headerFrom: string;
  paragraphs: string[][];
}

export function syntheticSource(cables: readonly CorpusCable[]): SyntheticSource {
  let header: string | undefined;
  let headerFrom = '';
  for (const c of cables) {
    const text = c.text.replace(/\r\n?/g, '\n');
    const at = text.search(/^\s*¶?\s?1\.\s/m);
    if (at > 0 && /^VZCZC/m.test(text) && /^UNCLAS\b/m.test(text) && /^TAGS:/m.test(text) && /^SUBJECT:/m.test(text)) {
      header = text.slice(text.search(/^VZCZC/m), at).trimEnd();
      headerFrom = c.name;
      break;
    }
  }
  if (!header) throw new Error('no corpus cable with an envelope, an UNCLAS banner and numbered paragraphs');
  const paragraphs = cables.flatMap((c) => paragraphsOf(c.text));
  if (paragraphs.length === 0) throw new Error('no numbered paragraphs in the corpus');
  return { header, headerFrom, paragraphs };
}

/**
 * A transmitted cable of at least `size` characters: the real header, then real paragraphs
 * numbered 1, 2, 3 … and marked (U), as wrapped in the corpus, then a signature.
 */
export function syntheticCable(src: SyntheticSource, size: number, offset = 0): string {
  const parts = [src.header, ''];
  let length = src.header.length + 1;
  let n = 0;
  while (length < size) {
    const p = src.paragraphs[(offset + n) % src.paragraphs.length]!;
    const block = `${++n}. (U) ${p.join('\n')}\n`;
    parts.push(block);
    length += block.length + 1;
  }
  parts.push('SIGNATURE', '');
  return parts.join('\n');
}

/**
 * The same header with one paragraph written as a single line of `lineLength` characters (real
 * words, as a reflowed published page has them): the shape the fuzzer found slow.
 */
export function longLineCable(src: SyntheticSource, lineLength: number): string {
  const words: string[] = [];
  let length = 0;
  for (let i = 0; length < lineLength; i++) {
    const w = src.paragraphs[i % src.paragraphs.length]!.join(' ');
    words.push(w);
    length += w.length + 1;
  }
  const line = `1. (U) ${words.join(' ')}`.slice(0, lineLength);
  return `${src.header}\n\n${line}\n\nSIGNATURE\n`;
}

/** Paragraph 1 opening `n` nested `(NOTE:` blocks, every third one closed, as the fuzzer builds them. */
export function nestedNotesCable(src: SyntheticSource, n: number): string {
  return `${src.header}\n\n1. (U) ${'(NOTE: '.repeat(n)}X${')'.repeat(Math.floor(n / 3))}\n\nSIGNATURE\n`;
}

/** A TAGS line of `n` codes, most of them unknown (each one a diagnostic with fixes). */
export function longTagsCable(src: SyntheticSource, n: number): string {
  const codes = Array.from({ length: n }, (_, i) => ['PREL', 'WORD', 'PGOV', 'KWMN'][i % 4]).join(' ');
  return `${src.header.replace(/^TAGS:.*$/m, `TAGS: ${codes}`)}\n\n1. (U) TEXT.\n\nSIGNATURE\n`;
}

/** A REF line followed by `n` lettered items. */
export function refItemsCable(src: SyntheticSource, n: number): string {
  const items = Array.from({ length: n }, (_, i) => `${String.fromCharCode(65 + (i % 26))}. STATE ${i + 1}`).join('\n');
  return `${src.header.replace(/^REF:.*$/m, '')}\nREF: ${items}\n\n1. (U) TEXT.\n\nSIGNATURE\n`;
}

/** `n` pairs of FM and ZNR lines after the VZCZC line: each pair out of ACP-127 order (CBL001). */
export function envelopeOrderCable(src: SyntheticSource, n: number): string {
  const at = src.header.indexOf('\n', src.header.search(/^VZCZC/m)) + 1;
  return `${src.header.slice(0, at)}${'FM AMEMBASSY ROME\nZNR UUUUU ZZH\n'.repeat(n)}${src.header.slice(at)}\n\n1. (U) TEXT.\n\nSIGNATURE\n`;
}

/** `n` TAGS lines below the SUBJECT, as a pasted page of headers has them: header fields out of order (CBL050). */
export function tagsLinesCable(src: SyntheticSource, n: number): string {
  return `${src.header}\n${'TAGS: PREL ENRG EINV IC DA NO\n'.repeat(n)}\n1. (U) TEXT.\n\nSIGNATURE\n`;
}
