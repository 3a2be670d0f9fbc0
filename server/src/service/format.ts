/**
 * The formatter: whitespace only. A paragraph of the text with a line over the width (CBL120's
 * limit, 69 by default) is re-wrapped to it: its words flow onto lines of at most the width, each
 * continuation line at the paragraph's margin, one space between words (so one space after the
 * paragraph number and the portion mark). The sequence of non-blank tokens is the same before and
 * after; a paragraph that fits stays as written, so a cable that fits is left alone.
 *
 * Kept as they are: the envelope and the header fields, banners, page and section markers,
 * headings, the signature and what follows `NNNN`, indented lines (sub-items, quoted blocks),
 * lines set out in columns, rules of dashes, and any paragraph that, re-wrapped, would read
 * differently: the formatter parses and lints its own output and keeps a paragraph as written
 * when the structure (paragraph numbers, portion marks, items, headings, block marks) or any
 * rule's findings other than the line length would change. Published text is left alone unless
 * the caller forces it (the publisher's layout is part of the record).
 */
import type { Cable } from '../../../grammar/src/ast';
import { parseCable } from '../../../grammar/src/index';
import { positionAt } from '../../../grammar/src/positions';
import { detectProfile } from '../engine/profile';
import type { TextEdit } from '../engine/types';
import { lintCable, settingFor, type LintOptions } from '../lint';
import { modelOf } from '../model/index';
import { lineWidth, measureLine, widthOption } from '../model/line-width';
import { findRule } from '../rules/index';

export interface FormatOptions {
  /**
   * The settings the text is linted under (with the clock): CBL120's `max` is the width, the
   * profile decides whether the text is published, and the check that a re-wrapped paragraph
   * reads the same lints under them.
   */
  lint?: LintOptions;
  /** Format published text too. */
  force?: boolean;
  /** Only the paragraphs these lines (0-based, inclusive) touch: range formatting. */
  lines?: { start: number; end: number };
}

export interface FormatResult {
  /** Non-overlapping, in document order. */
  edits: TextEdit[];
  /** Why nothing was formatted: the text is a published copy (`force` formats it). */
  skipped?: 'published';
  /**
   * The first lines (0-based) of paragraphs over the width kept as written, because re-wrapped
   * they would read differently.
   */
  kept: number[];
  /** The width wrapped to. */
  width: number;
}

/** The line-length limit the settings give (CBL120's `max`), 69 by default. */
export function formatWidth(rules: LintOptions['rules']): number {
  const rule = findRule('CBL120');
  return widthOption(rule ? settingFor(rule, rules).options?.max : undefined);
}

/** Lines of consecutive paragraph text that wrap as one (0-based, inclusive). */
interface Run {
  first: number;
  last: number;
}

// A line that is not running text: indented, set out in columns, or a rule.
const INDENTED = /^[ \t\u00a0]/;
const COLUMNS = /\S(?: {3,}|\t)\S/;
const RULE_LINE = /^[-_=*~]{3,}/;
// A paragraph's number and portion mark, whatever the blanks after them (`1.   (C)   Text`).
const NUMBER_AND_MARK = /^(?:- )?¶?\s?\d{1,3}\s?\.\s*(?:\([^)\s]{1,20}\)\s*)?/;
// A line that opens an item of its own: a bullet, or a lettered or numbered item the grammar
// did not take for a paragraph or a sub-paragraph.
const ITEM_START = /^(?:-{1,2}|\*|•|·)\s|^\(?[A-Za-z0-9]{1,3}[.)]\s/;

/**
 * Whether a line beginning with `token` (then `next`) would start something of its own: a
 * paragraph number (`16.`, spec 2.5 ParaNumber, the CBL085 trap), an item, a bullet, a rule,
 * a portion mark, a note, a field, the end of message. A wrapped line never starts so.
 */
function startsBlock(token: string, next: string | undefined): boolean {
  const head = next === undefined ? token : `${token} ${next}`;
  return (
    /^(?:- )?(?:¶|\$\\underline\{\\P\}|\\P)?[1-9]\d{0,2} ?\.(?!\d)/.test(head) ||
    /^¶?(?:[A-Z]\.|\([a-zA-Z0-9]{1,3}\)|[a-z0-9]\))(?:\s|$)/.test(head) ||
    ITEM_START.test(head) ||
    /^[-_=*~]{2,}/.test(token) ||
    /^\([A-Z]{1,4}(?:\s*\/+\s*[A-Z]{1,4})*\)/.test(token) ||
    /^NOTE\s*:/i.test(head) ||
    /^(?:SUBJECT|SUBJ|REF|REFS|TAGS|DECL|FM|TO|INFO)\s*:/.test(head) ||
    /^(?:E\.?O\.?)\s*1\d{4}/.test(head) ||
    /^(?:NNNN|BT)$/.test(token)
  );
}

const CAPS_ONLY = /^[^a-z]*$/;

/**
 * Whether the text may break before `tokens[k]`: the next line must not start a block, and
 * after a line ending `.` or `:` a line in capitals would read as a heading (spec 2.5 Heading,
 * in an upper-case cable any line).
 */
function breaksBefore(tokens: readonly string[], k: number): boolean {
  if (startsBlock(tokens[k]!, tokens[k + 1])) return false;
  return !(/[.:]$/.test(tokens[k - 1]!) && CAPS_ONLY.test(tokens[k]!) && CAPS_ONLY.test(tokens[k + 1] ?? ''));
}

/**
 * `tokens` flowed greedily onto lines of at most `width`, breaking only where `breaksBefore`
 * allows (words move down to the next line until it does); a token wider than that has a line
 * of its own. A last line of one word takes the word before it too: alone, a capitalised word
 * would read as the signature.
 */
function fill(tokens: readonly string[], width: number): string[] {
  const breaks: number[] = [];
  let start = 0;
  let line = tokens[0] ?? '';
  for (let i = 1; i < tokens.length; i++) {
    const candidate = `${line} ${tokens[i]}`;
    if (lineWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    let k = i;
    while (k > start + 1 && !breaksBefore(tokens, k)) k--;
    if (!breaksBefore(tokens, k)) {
      line = candidate;
      continue;
    }
    breaks.push(k);
    start = k;
    line = tokens.slice(k, i + 1).join(' ');
  }
  const last = breaks.at(-1);
  if (last !== undefined && last === tokens.length - 1 && last - (breaks.at(-2) ?? 0) >= 3 && breaksBefore(tokens, last - 1) && lineWidth(`${tokens[last - 1]} ${tokens[last]}`) <= width) breaks[breaks.length - 1] = last - 1;
  const lines: string[] = [];
  let from = 0;
  for (const b of [...breaks, tokens.length]) {
    lines.push(tokens.slice(from, b).join(' '));
    from = b;
  }
  return lines;
}

/** What a reader takes from the text beyond its words: compared before and after a re-wrap. */
function reading(cable: Cable, lint: LintOptions): { structure: string; findings: Map<string, number> } {
  const structure = [
    ...cable.paragraphs.map((p) => `P${p.number}/${p.written}/${p.portionMark?.text ?? ''}/${+p.nested}${+p.ambiguous}${+p.bullet}${+p.artefact}${+p.restart}${+p.midLine}`),
    ...cable.subParagraphs.map((s) => `S${s.letter}/${s.parentKind}${s.parentIndex}`),
    ...cable.headings.map((h) => `H${h.text}`),
    ...cable.blockMarks.map((b) => `B${b.block}${b.role}`),
    `M${cable.pageMarkers.length}/${cable.sectionBanners.length}/${cable.signature?.text ?? ''}/${cable.endOfMessage ? 1 : 0}/${cable.errors.length}`,
  ].join('\n');
  const findings = new Map<string, number>();
  for (const d of lintCable(cable, lint).diagnostics) {
    // The length of lines is what a re-wrap changes; trailing blanks go with it.
    if (d.ruleId === 'CBL120' || d.ruleId === 'CBL121') continue;
    findings.set(d.ruleId, (findings.get(d.ruleId) ?? 0) + 1);
  }
  return { structure, findings };
}

/** Whether `after` reads as `before` does: the same structure, and no finding more of any rule. */
function readsTheSame(before: ReturnType<typeof reading>, after: ReturnType<typeof reading>): boolean {
  if (before.structure !== after.structure) return false;
  for (const [rule, n] of after.findings) if (n > (before.findings.get(rule) ?? 0)) return false;
  return true;
}

function applyAll(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.range.start.offset) + e.newText;
    at = e.range.end.offset;
  }
  return out + text.slice(at);
}

const sorted = (edits: readonly TextEdit[]) => [...edits].sort((a, b) => a.range.start.offset - b.range.start.offset);

/**
 * The edits that format `cable`. Never throws: a text it cannot read gives no edits.
 */
export function formatCable(cable: Cable, options: FormatOptions = {}): FormatResult {
  const lint: LintOptions = options.lint ?? {};
  const width = formatWidth(lint.rules);
  try {
    const profile = lint.profile ?? detectProfile(cable);
    // Published means something the publisher added (a wrapper, page markers, `¶`, the
    // partial-extract note): a paragraph pasted onto one line reads as reflowed, and is what
    // the formatter is for.
    const published = lint.profile ? lint.profile === 'published' : modelOf(cable).publication.evidence.some((e) => e !== 'reflowed');
    if (published && !options.force) return { edits: [], skipped: 'published', kept: [], width };
    const candidates = runsOf(cable, options.lines).flatMap((run) => {
      const edit = rewrap(cable, run, width);
      return edit ? [edit] : [];
    });
    if (candidates.length === 0) return { edits: [], kept: [], width };
    // The tree the edits would give, read as the original is read (same profile).
    const settings: LintOptions = { ...lint, profile };
    const before = reading(cable, settings);
    const check = (edits: readonly TextEdit[]) => readsTheSame(before, reading(parseCable(applyAll(cable.text, edits)), settings));
    if (check(candidates)) return { edits: candidates, kept: [], width };
    // Some paragraph reads differently re-wrapped: find it by halves, keeping the others.
    const accept = (group: readonly TextEdit[], base: readonly TextEdit[]): TextEdit[] => {
      if (check(sorted([...base, ...group]))) return [...group];
      if (group.length === 1) return [];
      const half = Math.ceil(group.length / 2);
      const left = accept(group.slice(0, half), base);
      return [...left, ...accept(group.slice(half), [...base, ...left])];
    };
    const accepted = sorted(accept(candidates, []));
    const kept = candidates.filter((c) => !accepted.includes(c)).map((c) => c.range.start.line);
    return { edits: accepted, kept, width };
  } catch {
    return { edits: [], kept: [], width };
  }
}

/** The formatted text, with what `formatCable` says about it. */
export function formatText(text: string, options: FormatOptions = {}): FormatResult & { text: string } {
  const result = formatCable(parseCable(text), options);
  return { ...result, text: applyAll(text, result.edits) };
}

/** The line terminator after line `l`, or the text's first one, or `\n`. */
function terminatorAfter(cable: Cable, l: number): string {
  const next = cable.lines[l + 1];
  if (next) return cable.text.slice(cable.lines[l]!.end, next.start);
  const first = cable.lines[0];
  const second = cable.lines[1];
  return first && second ? cable.text.slice(first.end, second.start) : '\n';
}

/** The edit that re-wraps `run`, when one of its lines is over the width and the wrap changes it. */
function rewrap(cable: Cable, run: Run, width: number): TextEdit | undefined {
  const { text, lines } = cable;
  let over = false;
  for (let l = run.first; l <= run.last && !over; l++) {
    const line = lines[l]!;
    let end = line.end;
    while (end > line.start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    over = measureLine(text, line.start, end, width).overflow >= 0;
  }
  if (!over) return undefined;
  const start = lines[run.first]!.start;
  const end = lines[run.last]!.end;
  const tokens = text.slice(start, end).split(/\s+/).filter((t) => t.length > 0);
  const newText = fill(tokens, width).join(terminatorAfter(cable, run.first));
  if (newText === text.slice(start, end)) return undefined;
  return { range: { start: positionAt(lines, start), end: positionAt(lines, end) }, newText };
}

/**
 * The runs of paragraph text: from a line that opens a paragraph (a numbered paragraph, a
 * sub-paragraph, an item, or the first line after a break) through the lines that continue it,
 * all at the margin. Everything else breaks a run and stays as written.
 */
function runsOf(cable: Cable, only: FormatOptions['lines']): Run[] {
  const { text, lines } = cable;
  if (lines.length === 0) return [];
  const n = lines.length;
  const blocked = new Uint8Array(n);
  const starts = new Uint8Array(n);
  const block = (from: number, to: number) => {
    for (let l = Math.max(0, from); l <= Math.min(n - 1, to); l++) blocked[l] = 1;
  };
  // Everything before the text: the envelope, the banner, the header fields. The text begins
  // on the line of textStart; if it begins mid-line, that line is the header's too.
  const textStart = positionAt(lines, Math.min(cable.textStart, text.length));
  block(0, textStart.character > 0 ? textStart.line : textStart.line - 1);
  for (const node of [...cable.pageMarkers, ...cable.sectionBanners, ...cable.malformedBanners, ...cable.headings, ...cable.wrapper, ...cable.passLines, ...cable.captions]) {
    block(node.range.start.line, node.range.end.line);
  }
  if (cable.signature) block(cable.signature.range.start.line, cable.signature.range.end.line);
  if (cable.endOfMessage) block(cable.endOfMessage.range.start.line, n - 1);
  for (const mark of cable.blockMarks) {
    // A mark on a line of its own (`END SUMMARY.`) stays there.
    const line = lines[mark.range.start.line]!;
    if (text.slice(line.start, line.end).trim().replace(/[.:)\s-]+$/, '') === mark.text.trim().replace(/[.:)\s-]+$/, '')) block(mark.range.start.line, mark.range.start.line);
  }
  for (const p of cable.paragraphs) starts[p.range.start.line] = 1;
  for (const s of cable.subParagraphs) starts[s.range.start.line] = 1;

  const runs: Run[] = [];
  let current: Run | undefined;
  const close = () => {
    if (current) runs.push(current);
    current = undefined;
  };
  for (let l = 0; l < n; l++) {
    const line = text.slice(lines[l]!.start, lines[l]!.end);
    if (blocked[l] || line.trim() === '' || INDENTED.test(line) || COLUMNS.test(line.replace(NUMBER_AND_MARK, '').trimEnd()) || RULE_LINE.test(line)) {
      close();
      continue;
    }
    if (!current || starts[l] || ITEM_START.test(line)) {
      close();
      current = { first: l, last: l };
    } else {
      current.last = l;
    }
  }
  close();
  return only ? runs.filter((r) => r.last >= only.start && r.first <= only.end) : runs;
}
