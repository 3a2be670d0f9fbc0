/**
 * `npm run shapes`: does any kind of line make the engine or the editor super-linear? For every
 * kind of line the grammar tells apart (each envelope line, each header field, captions, pass
 * lines, REF items, paragraphs and their numbers, lettered items, section and page markers, block
 * marks, portion marks, signatures, the publisher's wrapper, another cable's envelope,
 * unprintables …) a valid cable repeats that line, or a small group of lines, until it is about
 * `--size` KB and four times that. Each is parsed, then every meaning of the model, every rule's
 * check and every feature of the language service is timed on it (CPU time, the median of
 * `--runs` passes), and the growth between the two sizes is read as an exponent:
 * log(t2/t1) / log(size2/size1), 1 linear, 2 quadratic.
 *
 * An item over `--flag` (1.3) that takes at least `--floor` ms at the larger size is re-timed
 * alone (a fresh tree, the model warm, `--retime` runs at each size, alternating; then at 16 times
 * `--size` when it is cheap enough): the machine is shared, a single slow run reads as growth, and
 * below a few megabytes the heap's growth alone bends the curve. What is still over the line is
 * printed as SUPER-LINEAR. A measurement, not a test: nothing here fails a build.
 *
 *   npm run shapes -- [--size=256] [--runs=3] [--only=tags,fm+znr] [--all] [--json=out.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCable } from '../grammar/src/index';
import type { Cable } from '../grammar/src/ast';
import type { Diagnostic, RuleContext } from '../server/src/engine/types';
import { detectProfile } from '../server/src/engine/profile';
import { lintCable } from '../server/src/lint';
import { modelOf, type CableModel } from '../server/src/model/index';
import { cableFacts } from '../server/src/report/records';
import { allRules } from '../server/src/rules/index';
import { fixAll, quickFixes, renumberParagraphs } from '../server/src/service/code-actions';
import { formatCable } from '../server/src/service/format';
import { inlayHints } from '../server/src/service/inlay-hints';
import {
  completions,
  definition,
  documentHighlights,
  documentSymbols,
  foldingRanges,
  hover,
  references,
  selectionRanges,
  semanticTokens,
} from '../server/src/service/index';

const NOW = new Date('2026-01-01T00:00:00Z');
const SKELETON = readFileSync(new URL('../test/fixtures/synthetic-reykjavik.cable', import.meta.url), 'utf8');

// ------------------------------------------------------------------ the shapes

interface Shape {
  name: string;
  /** What is repeated, in the cable's words. */
  what: string;
  /** The cable with the repeated part `n` times, and where its last copy starts (an offset). */
  build: (n: number) => { text: string; last: number };
  /** Bytes one copy adds, about. */
  unitBytes: number;
}

const letter = (i: number) => String.fromCharCode(65 + (i % 26));

/** `unit(i)` repeated `n` times on the lines after `anchor` (a whole line of the skeleton, or `''`: the end). */
function inserted(name: string, what: string, anchor: string, unit: (i: number) => string, base = SKELETON): Shape {
  if (anchor && !base.includes(anchor)) throw new Error(`shape ${name}: the skeleton lacks ${JSON.stringify(anchor)}`);
  return {
    name,
    what,
    unitBytes: unit(0).length,
    build(n) {
      const parts: string[] = [];
      for (let i = 0; i < n; i++) parts.push(unit(i));
      const at = anchor ? base.indexOf(anchor) + anchor.length : base.length;
      const copies = parts.join('');
      return { text: base.slice(0, at) + copies + base.slice(at), last: at + copies.length - (parts[n - 1]?.length ?? 0) };
    },
  };
}

/** The skeleton's line `from` replaced by `to` (a draft variant to grow from). */
function variant(from: string, to: string): string {
  if (!SKELETON.includes(from)) throw new Error(`the skeleton lacks ${JSON.stringify(from)}`);
  return SKELETON.replace(from, to);
}

const PROSE = 'THE MINISTRY ANNOUNCED THE PLAN ON MAY 9, AFTER THE STUDY.';
const PARTIAL = 'This record is a partial extract of the original cable. The full text of the original cable is not available.';
const PUBLISHED = [
  PARTIAL,
  'Tuesday, 03 July 2001, 12:03',
  SKELETON.slice(SKELETON.indexOf('C O N F I D E N T I A L'), SKELETON.indexOf('EXAMPLE\n')),
  'EXAMPLE',
  ' CONFIDENTIAL',
  '>',
  ' 2008REYKJA00457 - Classification: CONFIDENTIAL',
  '',
].join('\n');
const HAGUE_PREVIEW = [
  'C O N F I D E N T I A L SECTION 01 OF 02 REYKJAVIK 000457 ',
  ' ',
  'SIPDIS ',
  ' ',
  'E.O. 12958: DECL: 05/14/2018 ',
  'TAGS: PREL ENRG EINV IC DA NO',
  'SUBJECT: ICELAND: GEOTHERMAL EXPORT PLAN DRAWS NORDIC ',
  'INTEREST, AND SOME...',
  '',
  '',
].join('\n');

const SHAPES: Shape[] = [
  // The envelope: each ACP-127 line kind, and the pair the lead found (CBL001).
  inserted('vzczc', 'transmission id lines', 'VZCZCXRO4570\n', () => 'VZCZCXRO4570\n'),
  inserted('precedence', 'precedence lines', 'PP RUEHCP RUEHNY RUEHSM\n', () => 'PP RUEHCP RUEHNY RUEHSM\n'),
  inserted('routing', 'routing continuation lines', 'PP RUEHCP RUEHNY RUEHSM\n', () => 'RUEHCP RUEHNY RUEHSM\n'),
  inserted('de', 'DE lines', 'DE RUEHRK #0457/01 1351530\n', () => 'DE RUEHRK #0457/01 1351530\n'),
  inserted('znr', 'security lines', 'ZNY CCCCC ZZH\n', () => 'ZNY CCCCC ZZH\n'),
  inserted('dtg', 'DTG lines', 'P 141530Z MAY 08\n', () => 'P 141530Z MAY 08\n'),
  inserted('fm', 'FM lines', 'FM AMEMBASSY REYKJAVIK\n', () => 'FM AMEMBASSY REYKJAVIK\n'),
  inserted('to', 'TO lines', 'TO RUEHC/SECSTATE WASHDC PRIORITY 3101\n', (i) => `TO RUEHC/SECSTATE WASHDC PRIORITY ${3101 + (i % 900)}\n`),
  inserted('info', 'INFO lines', 'INFO RUEHCP/AMEMBASSY COPENHAGEN PRIORITY 0412\n', () => 'INFO RUEHCP/AMEMBASSY COPENHAGEN PRIORITY 0412\n'),
  inserted('xmt', 'XMT lines', 'RUEHSM/AMEMBASSY STOCKHOLM 0377\n', () => 'XMT AMEMBASSY OSLO\n'),
  inserted('addressee', 'addressee lines', 'RUEHSM/AMEMBASSY STOCKHOLM 0377\n', (i) => `RUEHNY/AMEMBASSY OSLO PRIORITY ${String(i % 10000).padStart(4, '0')}\n`),
  inserted('fm+znr', 'FM and ZNR lines alternating', 'VZCZCXRO4570\n', () => 'FM AMEMBASSY ROME\nZNR UUUUU ZZH\n'),
  inserted('nnnn', 'NNNN lines', '', () => 'NNNN\n'),
  // The header.
  inserted('banner', 'banner lines', 'C O N F I D E N T I A L SECTION 01 OF 02 REYKJAVIK 000457\n', () => 'C O N F I D E N T I A L SECTION 01 OF 02 REYKJAVIK 000457\n'),
  inserted('captions', 'caption lines', 'SIPDIS\n', (i) => ['NOFORN\n', 'SIPDIS\n', 'EXDIS\n', 'SENSITIVE\n'][i % 4]!),
  inserted('pass', 'pass lines', 'DEPT FOR EUR/NB AND EEB/ESC\n', (i) => `PASS TO USTR AND EEB/ESC ${i % 100}\n`),
  inserted('eo', 'E.O. lines', 'E.O. 12958: DECL: 05/14/2018\n', () => 'E.O. 12958: DECL: 05/14/2018\n'),
  inserted('tags', 'TAGS lines', 'TAGS: PREL ENRG EINV IC DA NO\n', () => 'TAGS: PREL ENRG EINV IC DA NO\n'),
  inserted('tags-late', 'TAGS lines after Classified By', 'and (d).\n', () => 'TAGS: PREL ENRG EINV IC DA NO\n'),
  inserted('subject', 'SUBJECT continuation lines', 'SUBJECT: ICELAND: GEOTHERMAL EXPORT PLAN DRAWS NORDIC\n', () => 'GEOTHERMAL EXPORT PLAN DRAWS NORDIC INTEREST\n'),
  inserted('subjects', 'SUBJECT lines', 'INTEREST, AND SOME DOUBTS\n', () => 'SUBJECT: ICELAND: GEOTHERMAL EXPORT PLAN\n'),
  inserted('ref', 'REF items', '     C. STATE 50123\n', (i) => `     ${letter(i)}. ${i % 3 ? 'STATE' : '07 REYKJAVIK'} ${50124 + i}\n`),
  inserted('refs', 'REF lines', '     C. STATE 50123\n', (i) => `REF: ${letter(i)}. STATE ${50124 + i}\n`),
  inserted('classified', 'Classified By lines', 'and (d).\n', () => 'Classified By: Ambassador Jane Q. Example for reasons 1.4 (b)\n'),
  inserted('header', 'whole headers (banner, captions, E.O., TAGS, SUBJECT)', 'and (d).\n', () =>
    '\nC O N F I D E N T I A L SECTION 01 OF 02 REYKJAVIK 000457\n\nSIPDIS\n\nE.O. 12958: DECL: 05/14/2018\nTAGS: PREL ENRG\nSUBJECT: ICELAND\n\n'),
  // The text.
  inserted('paragraphs', 'numbered paragraphs (1-999, again)', 'to move this year. Post will report further septel.\nEND COMMENT.\n', (i) => `\n${(i % 999) + 1}. (C) ${PROSE}\n`),
  inserted('para-1', 'paragraphs all numbered 1', 'to move this year. Post will report further septel.\nEND COMMENT.\n', () => `\n1. (C) ${PROSE}\n`),
  inserted('prose', 'lines of prose', 'following the feasibility study described in REF B.\n', () => `${PROSE}\n`),
  inserted('blank', 'blank lines', 'following the feasibility study described in REF B.\n', () => '\n'),
  inserted('lettered', 'lettered items', '   C. a rival bid is expected from a non-Nordic firm.\n', (i) => `   ${letter(i)}. a rival bid is expected from a firm;\n`),
  inserted('sub-numbered', 'numbered sub-items', '   C. a rival bid is expected from a non-Nordic firm.\n', (i) => `      (${(i % 99) + 1}) a rival bid is expected;\n`),
  inserted('sections', 'section banners in the text', 'following the feasibility study described in REF B.\n', (i) =>
    `\nC O N F I D E N T I A L SECTION ${String((i % 98) + 2).padStart(2, '0')} OF 99 REYKJAVIK 000457\n\n${PROSE}\n`),
  inserted('pages', 'page markers', 'following the feasibility study described in REF B.\n', (i) => `\nREYKJAVIK 00000457  ${String((i % 98) + 2).padStart(3, '0')} OF 099\n\n${PROSE}\n`),
  inserted('legacy-pages', 'PAGE lines', 'following the feasibility study described in REF B.\n', (i) => `PAGE ${String((i % 98) + 2).padStart(2, '0')} REYKJA 00457 141530Z\n${PROSE}\n`),
  inserted('summaries', 'SUMMARY … END SUMMARY paragraphs', 'following the feasibility study described in REF B.\n', (i) => `\n${(i % 999) + 3}. (C) SUMMARY: ${PROSE} END SUMMARY.\n`),
  inserted('comments', 'COMMENT … END COMMENT', 'following the feasibility study described in REF B.\n', () => `COMMENT: ${PROSE}\nEND COMMENT.\n`),
  inserted('notes', '(NOTE: … END NOTE.) asides', 'following the feasibility study described in REF B.\n', () => `(NOTE: ${PROSE} END NOTE.)\n`),
  inserted('openers', 'openers never closed', 'following the feasibility study described in REF B.\n', (i) => `${['SUMMARY', 'COMMENT', 'BEGIN TEXT', '(NOTE'][i % 4]}: ${PROSE}\n`),
  inserted('closers', 'closers never opened', 'following the feasibility study described in REF B.\n', (i) => `${PROSE} END ${['SUMMARY', 'COMMENT', 'TEXT', 'NOTE'][i % 4]}.\n`),
  inserted('quotes', 'BEGIN TEXT … END TEXT quotations', 'following the feasibility study described in REF B.\n', () => `BEGIN TEXT:\n${PROSE}\nEND TEXT.\n`),
  inserted('portions', 'portion-marked lines', 'following the feasibility study described in REF B.\n', (i) => `(${['C', 'S', 'U', 'SBU', 'C/NF'][i % 5]}) ${PROSE}\n`),
  inserted('para-refs', 'references to paragraphs and REF letters', 'following the feasibility study described in REF B.\n', (i) => `SEE PARA ${(i % 5) + 1}, REF ${letter(i % 3)} AND REFTEL.\n`),
  inserted('citations', 'cables cited in the text', 'following the feasibility study described in REF B.\n', (i) => `AS REPORTED IN 07 REYKJAVIK ${1000 + (i % 9000)} AND STATE ${i + 1}.\n`),
  inserted('classified-text', 'Classified By lines in the text', 'following the feasibility study described in REF B.\n', () => 'CLASSIFIED BY: AMBASSADOR JANE Q. EXAMPLE, REASONS 1.4 (B) AND (D).\n'),
  inserted('envelope-text', 'envelope lines in the text', 'following the feasibility study described in REF B.\n', (i) =>
    ['FM SECSTATE WASHDC\n', 'TO AMEMBASSY REYKJAVIK PRIORITY 0001\n', 'P 141530Z MAY 08\n', 'ZNY CCCCC ZZH\n'][i % 4]!),
  inserted('another-cable', "another cable's envelope and banner in the text", 'following the feasibility study described in REF B.\n', (i) =>
    `VZCZCXRO${4571 + (i % 5000)}\nPP RUEHCP\nDE RUEHRK #${457 + (i % 500)}/01 1351530\nZNY CCCCC ZZH\nP 141530Z MAY 08\nFM AMEMBASSY OSLO\nTO RUEHC/SECSTATE WASHDC PRIORITY 3101\nC O N F I D E N T I A L OSLO 000${457 + (i % 500)}\n\n1. (C) ${PROSE}\n\n`),
  inserted('signatures', 'signature lines', 'END COMMENT.\n', (i) => `${['EXAMPLE', 'JONES', 'RICE', 'SMITH'][i % 4]}\n`),
  inserted('unprintables', 'control characters and smart quotes in the text', 'following the feasibility study described in REF B.\n', () => `THE \u201cPLAN\u201d\u0007 IS THE MINISTRY\u2019S\u0000.\t \n`),
  inserted('trailing', 'lines with trailing blanks and tabs', 'following the feasibility study described in REF B.\n', () => `${PROSE} \t \n`),
  inserted('cr', 'lines ended by a lone CR', 'following the feasibility study described in REF B.\n', () => `${PROSE}\r`),
  // A published page: the publisher's parts around the cable, and the cable repeated whole.
  inserted('published', 'published pages (wrapper parts and the cable)', '', () => PUBLISHED, ''),
  inserted('previews', 'truncated header previews above the cable', `${PARTIAL}\n`, () => HAGUE_PREVIEW, `${PARTIAL}\n${SKELETON}`),
  inserted('cables', 'whole cables, one after another', '', () => SKELETON, ''),
  inserted('draft-paragraphs', 'paragraphs of a draft (no envelope)', 'to move this year. Post will report further septel.\nEND COMMENT.\n', (i) => `\n${(i % 999) + 1}. (C) ${PROSE}\n`,
    variant(SKELETON.slice(0, SKELETON.indexOf('C O N F I D E N T I A L')), '')),
];

// ------------------------------------------------------------------ what is timed

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
let sink = 0;

const MEANINGS = [
  'dates', 'classification', 'header', 'blocks', 'numbering', 'sections', 'envelope', 'tags', 'references', 'wrapper',
  'blank', 'publication', 'anotherCable', 'tagList', 'subject', 'citedCables', 'addressees', 'authority', 'summary', 'signers',
  'identity', 'referenceId',
] as const satisfies readonly (keyof CableModel)[];

/** Where the editor asks at a point: the last copy of the repeated line, and the last line. */
interface Probe {
  line: number;
  character: number;
}

interface Feature {
  name: string;
  run: (cable: Cable, probes: Probe[], diagnostics: readonly Diagnostic[]) => unknown;
}

const lastPosition = (cable: Cable) => ({ line: cable.lines.length - 1, character: 0 });
const FEATURES: Feature[] = [
  { name: 'documentSymbols', run: (c) => documentSymbols(c) },
  { name: 'foldingRanges', run: (c) => foldingRanges(c) },
  { name: 'semanticTokens', run: (c) => semanticTokens(c) },
  { name: 'selectionRanges', run: (c, p) => selectionRanges(c, p) },
  { name: 'inlayHints', run: (c) => inlayHints(c, { start: { line: 0, character: 0 }, end: lastPosition(c) }, { now: NOW }) },
  { name: 'hover', run: (c, p) => p.map((q) => hover(c, q, NOW)) },
  { name: 'completion', run: (c, p) => p.map((q) => completions(c, q, NOW)) },
  { name: 'definition', run: (c, p) => p.map((q) => definition(c, q)) },
  { name: 'references', run: (c, p) => p.map((q) => references(c, q, true)) },
  { name: 'highlights', run: (c, p) => p.map((q) => documentHighlights(c, q)) },
  { name: 'quickFixes', run: (c, _p, d) => quickFixes(d, { start: { line: 0, character: 0 }, end: lastPosition(c) }, c.text) },
  { name: 'fixAll', run: (c, _p, d) => fixAll(c, d) },
  { name: 'renumber', run: (c) => renumberParagraphs(c) },
  { name: 'format', run: (c) => formatCable(c, { lint: { now: NOW } }) },
  { name: 'facts', run: (c) => cableFacts(c) },
];

/** Every item's CPU ms in one pass over a fresh tree: parse, meanings, rules, lint, features. */
function pass(text: string, probeLine: number): Map<string, number> {
  const t = new Map<string, number>();
  const time = (name: string, run: () => unknown) => {
    const t0 = cpuMs();
    const out = run();
    t.set(name, cpuMs() - t0);
    return out;
  };
  gc();
  const cable = time('parse', () => parseCable(text)) as Cable;
  const model = modelOf(cable);
  for (const m of MEANINGS) time(`model.${m}`, () => void (sink += model[m] ? 1 : 0));
  const ctx: RuleContext = { cable, model, profile: detectProfile(cable), options: {}, now: NOW, severity: 'info', report: () => void sink++ };
  for (const rule of allRules) {
    ctx.severity = rule.defaultSeverity;
    time(`rule ${rule.id}`, () => {
      try {
        rule.check(ctx);
      } catch {
        // a rule that throws is the tests' business, not this measurement's
      }
    });
  }
  const fresh = parseCable(text);
  const { diagnostics } = time('lint (whole)', () => lintCable(fresh, { now: NOW })) as ReturnType<typeof lintCable>;
  const probes = [{ line: Math.min(probeLine, cable.lines.length - 1), character: 2 }, lastPosition(cable)];
  for (const f of FEATURES) time(f.name, () => f.run(cable, probes, diagnostics));
  return t;
}

/**
 * One item alone: a fresh tree with the model warm (and the diagnostics a feature needs), a full
 * collection, then only the item: the garbage of what came before is not collected on its time.
 */
function alone(item: string, text: string, probeLine: number): number {
  if (item === 'parse') {
    gc();
    const t0 = cpuMs();
    sink += parseCable(text).lines.length;
    return cpuMs() - t0;
  }
  const cable = parseCable(text);
  const model = modelOf(cable);
  if (item.startsWith('model.')) {
    gc();
    const t0 = cpuMs();
    sink += model[item.slice(6) as (typeof MEANINGS)[number]] ? 1 : 0;
    return cpuMs() - t0;
  }
  for (const m of MEANINGS) sink += model[m] ? 1 : 0;
  if (item.startsWith('rule ')) {
    const rule = allRules.find((r) => r.id === item.slice(5))!;
    const ctx: RuleContext = { cable, model, profile: detectProfile(cable), options: {}, now: NOW, severity: rule.defaultSeverity, report: () => void sink++ };
    gc();
    const t0 = cpuMs();
    try {
      rule.check(ctx);
    } catch {
      // as in a pass
    }
    return cpuMs() - t0;
  }
  if (item === 'lint (whole)') {
    gc();
    const t0 = cpuMs();
    sink += lintCable(cable, { now: NOW }).diagnostics.length;
    return cpuMs() - t0;
  }
  const feature = FEATURES.find((f) => f.name === item)!;
  const diagnostics = lintCable(parseCable(text), { now: NOW }).diagnostics;
  const probes = [{ line: Math.min(probeLine, cable.lines.length - 1), character: 2 }, lastPosition(cable)];
  gc();
  const t0 = cpuMs();
  feature.run(cable, probes, diagnostics);
  return cpuMs() - t0;
}

// ------------------------------------------------------------------ the table

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Sized {
  text: string;
  bytes: number;
  probeLine: number;
}

function sized(shape: Shape, kb: number): Sized {
  const target = kb * 1024;
  const base = shape.build(0).text.length;
  const n = Math.max(1, Math.ceil((target - base) / Math.max(1, shape.unitBytes)));
  const { text, last } = shape.build(n);
  return { text, bytes: Buffer.byteLength(text), probeLine: text.slice(0, last).split(/\r\n?|\n/).length - 1 };
}

interface Row {
  shape: string;
  item: string;
  msSmall: number;
  msLarge: number;
  exponent: number;
  /** Alone: at the two sizes, and at four times the larger when that took under 250 ms (`exponent` is then that step's). */
  retimed?: { msSmall: number; msLarge: number; msHuge?: number; exponent: number };
}

function main(): void {
  const args = new Map(process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k!, v ?? 'true'] as const;
  }));
  const kb = Number(args.get('size') ?? 256);
  const runs = Number(args.get('runs') ?? 3);
  const flag = Number(args.get('flag') ?? 1.3);
  const floor = Number(args.get('floor') ?? 2);
  const retimes = Number(args.get('retime') ?? 5);
  const only = args.get('only')?.split(',');
  const shapes = only ? SHAPES.filter((s) => only.includes(s.name)) : SHAPES;
  if (only && shapes.length !== only.length) throw new Error(`unknown shape in --only; the shapes: ${SHAPES.map((s) => s.name).join(', ')}`);

  const rows: Row[] = [];
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`shape            size KB   parse ms (exp)   lint ms (exp)   worst other item (ms at large size, exponent)`);
  for (const shape of shapes) {
    const small = sized(shape, kb);
    const large = sized(shape, kb * 4);
    let hugeText: Sized | undefined;
    const huge = () => (hugeText ??= sized(shape, kb * 16));
    const ratio = Math.log(large.bytes / small.bytes);
    const times = { small: new Map<string, number[]>(), large: new Map<string, number[]>() };
    // Alternate the sizes, so that a neighbour's load falls on both.
    for (let r = 0; r < runs; r++) {
      for (const [key, s] of [['small', small], ['large', large]] as const) {
        for (const [item, ms] of pass(s.text, s.probeLine)) {
          const list = times[key].get(item) ?? [];
          list.push(ms);
          times[key].set(item, list);
        }
      }
    }
    const shapeRows: Row[] = [...times.small.keys()].map((item) => {
      const a = median(times.small.get(item)!);
      const b = median(times.large.get(item)!);
      return { shape: shape.name, item, msSmall: a, msLarge: b, exponent: a > 0 && b > 0 ? Math.log(b / a) / ratio : Number.NaN };
    });
    for (const row of shapeRows) {
      if (!(row.exponent > flag && row.msLarge >= floor)) continue;
      const ta: number[] = [];
      const tb: number[] = [];
      for (let r = 0; r < retimes; r++) {
        ta.push(alone(row.item, small.text, small.probeLine));
        tb.push(alone(row.item, large.text, large.probeLine));
      }
      const a = median(ta);
      const b = median(tb);
      row.retimed = { msSmall: a, msLarge: b, exponent: Math.log(b / a) / ratio };
      // Below a few megabytes a heap that grows by what a pass allocates costs more than its
      // share (young collections promote, old ones mark the tree): one step further, where a
      // linear item is linear again and a quadratic one is still quadratic, decides.
      if (b < 250) {
        const tc: number[] = [];
        for (let r = 0; r < Math.max(1, Math.ceil(retimes / 2)); r++) tc.push(alone(row.item, huge().text, huge().probeLine));
        const c = median(tc);
        row.retimed.msHuge = c;
        row.retimed.exponent = Math.log(c / b) / Math.log(huge().bytes / large.bytes);
      }
    }
    rows.push(...shapeRows);
    const get = (item: string) => shapeRows.find((r) => r.item === item)!;
    const fmt = (r: Row) => `${r.msLarge.toFixed(1).padStart(7)} (${r.exponent.toFixed(2)})`;
    const others = shapeRows.filter((r) => r.item !== 'parse' && r.item !== 'lint (whole)' && r.msLarge >= floor);
    const worst = others.sort((x, y) => y.exponent - x.exponent)[0];
    out(
      `${shape.name.padEnd(16)} ${String(Math.round(large.bytes / 1024)).padStart(7)}   ${fmt(get('parse'))}  ${fmt(get('lint (whole)'))}   ` +
        (worst ? `${worst.item} ${worst.msLarge.toFixed(1)} ms, ${worst.exponent.toFixed(2)}` : '-'),
    );
    const shown = args.has('all') ? shapeRows : shapeRows.filter((r) => r.retimed);
    for (const r of shown) {
      const huge = r.retimed?.msHuge !== undefined ? ` -> ${r.retimed.msHuge.toFixed(1)} (x16)` : '';
      const again = r.retimed ? `; alone ${r.retimed.msSmall.toFixed(1)} -> ${r.retimed.msLarge.toFixed(1)}${huge} ms, exponent ${r.retimed.exponent.toFixed(2)}` : '';
      const verdict = r.retimed ? (r.retimed.exponent > flag ? '  SUPER-LINEAR' : '  (noise)') : '';
      out(`    ${r.item.padEnd(22)} ${r.msSmall.toFixed(2).padStart(9)} -> ${r.msLarge.toFixed(2).padStart(9)} ms, exponent ${r.exponent.toFixed(2)}${again}${verdict}`);
    }
  }
  const confirmed = rows.filter((r) => r.retimed && r.retimed.exponent > flag);
  out('');
  out(confirmed.length ? `super-linear (exponent > ${flag} alone, >= ${floor} ms at ${kb * 4} KB):` : `nothing super-linear (exponent > ${flag}, >= ${floor} ms at ${kb * 4} KB)`);
  for (const r of confirmed) out(`  ${r.shape}: ${r.item} ${r.retimed!.msLarge.toFixed(1)} ms, exponent ${r.retimed!.exponent.toFixed(2)}`);
  const json = args.get('json');
  if (json) writeFileSync(json, `${JSON.stringify({ kb, runs, flag, floor, rows }, null, 1)}\n`);
  if (sink === 0.5) out('');
}

main();
