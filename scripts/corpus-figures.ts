/**
 * Figures of the engine over a folder of real cables with a MANIFEST.tsv (issue "Done
 * means"): crashes, syntax errors, agreement of id / classification / TAGS with the
 * publisher's manifest, and diagnostics per cable by rule and severity.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../server/src/engine/lint';
import { bannerLevel, cableDate, referenceId } from '../server/src/engine/facts';
import { refIdPostFor } from '../server/src/data/index';
import type { Severity } from '../server/src/engine/types';

export interface ManifestRow {
  id: string;
  classification: string;
  tags: string;
  header_kind: string;
  body_form: string;
  [key: string]: string;
}

export interface CorpusFigures {
  cables: number;
  crashes: number;
  withSyntaxError: number;
  withDtg: number;
  idEqual: number;
  postSerialEqual: number;
  classificationEqual: number;
  tagsComplete: number;
  withManifestTags: number;
  bySeverity: Record<Severity, number>;
  byRule: Record<string, Record<Severity, number>>;
  /** Cables with at least one diagnostic of the key `ruleId:severity`, for review. */
  examples: Record<string, string[]>;
  mismatches: { id: string[]; classification: string[]; tags: string[]; syntax: string[] };
  seconds: number;
  megabytes: number;
}

export function readManifest(dir: string): ManifestRow[] {
  const text = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8');
  const [head, ...rows] = text.split('\n').filter((l) => l.trim());
  const cols = head!.split('\t');
  return rows.map((r) => {
    const cells = r.split('\t');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? ''])) as ManifestRow;
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8, falling back to Latin-1 (cables.csv texts carry `¶` as byte 0xB6). */
export function decode(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return Buffer.from(bytes).toString('latin1');
  }
}

const LEVEL_WORDS: Record<string, string> = {
  UNCLASSIFIED: 'UNCLASSIFIED',
  'UNCLASSIFIED EFTO': 'UNCLASSIFIED',
  'LIMITED OFFICIAL USE': 'UNCLASSIFIED',
  CONFIDENTIAL: 'CONFIDENTIAL',
  SECRET: 'SECRET',
  'TOP SECRET': 'TOP SECRET',
};

export function corpusFigures(dir: string, now = new Date('2026-01-01T00:00:00Z')): CorpusFigures {
  const rows = readManifest(dir);
  const f: CorpusFigures = {
    cables: 0,
    crashes: 0,
    withSyntaxError: 0,
    withDtg: 0,
    idEqual: 0,
    postSerialEqual: 0,
    classificationEqual: 0,
    tagsComplete: 0,
    withManifestTags: 0,
    bySeverity: { error: 0, warning: 0, info: 0 },
    byRule: {},
    examples: {},
    mismatches: { id: [], classification: [], tags: [], syntax: [] },
    seconds: 0,
    megabytes: 0,
  };
  const t0 = process.hrtime.bigint();
  const present = new Set(readdirSync(dir));
  for (const row of rows) {
    const file = `${row.id}.txt`;
    if (!present.has(file)) continue;
    const bytes = readFileSync(join(dir, file));
    f.megabytes += bytes.length / 1e6;
    const text = decode(bytes);
    f.cables++;
    let result;
    try {
      result = lint(text, { now, referenceId: row.id });
    } catch {
      f.crashes++;
      continue;
    }
    const { cable, diagnostics } = result;
    if (diagnostics.some((d) => d.ruleId === 'CBL000')) {
      f.withSyntaxError++;
      f.mismatches.syntax.push(row.id);
    }
    for (const d of diagnostics) {
      f.bySeverity[d.severity]++;
      (f.byRule[d.ruleId] ??= { error: 0, warning: 0, info: 0 })[d.severity]++;
      const key = `${d.ruleId}:${d.severity}`;
      const list = (f.examples[key] ??= []);
      if (list[list.length - 1] !== row.id && list.length < 400) list.push(row.id);
    }
    const id = referenceId(cable);
    if (cableDate(cable)) {
      f.withDtg++;
      if (id === row.id) f.idEqual++;
      else f.mismatches.id.push(`${row.id} → ${id}`);
    }
    const postSerial = cable.banner
      ? `${refIdPostFor(cable.banner.post.text)}${Number.parseInt(cable.banner.serial.text, 10)}`
      : undefined;
    if (postSerial && postSerial === row.id.slice(2)) f.postSerialEqual++;
    else if (!cableDate(cable)) f.mismatches.id.push(`${row.id} → ${postSerial ?? 'no banner'} (post+serial)`);
    const manifestLevel = row.classification.split('//')[0]!.trim();
    const level = bannerLevel(cable)?.level;
    const ours = level ? LEVEL_WORDS[level] : undefined;
    if (ours === manifestLevel) f.classificationEqual++;
    else f.mismatches.classification.push(`${row.id}: ${manifestLevel} vs ${ours ?? 'no banner'}`);
    const wanted = row.tags.split(/\s+/).filter((t) => /^[A-Z]{2,6}$/.test(t));
    if (wanted.length) {
      f.withManifestTags++;
      const have = new Set(cable.tags.flatMap((l) => l.tags.map((t) => t.text.toUpperCase())));
      const missing = wanted.filter((t) => !have.has(t));
      if (missing.length === 0) f.tagsComplete++;
      else f.mismatches.tags.push(`${row.id}: missing ${missing.join(' ')}`);
    }
  }
  f.seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return f;
}

export interface Bar {
  name: string;
  value: number;
  min?: number;
  max?: number;
  text: string;
}

const pct = (a: number, b: number) => (b === 0 ? 100 : (100 * a) / b);

/** The bars of the engine issue's "Done means". */
export function bars(f: CorpusFigures): Bar[] {
  const errorsPerCable = f.bySeverity.error / Math.max(1, f.cables);
  return [
    { name: 'crashes', value: f.crashes, max: 0, text: `${f.crashes}` },
    {
      name: 'cables without CBL000',
      value: pct(f.cables - f.withSyntaxError, f.cables),
      min: 99,
      text: `${f.cables - f.withSyntaxError}/${f.cables}`,
    },
    { name: 'id equal (cables with a DTG)', value: pct(f.idEqual, f.withDtg), min: 99, text: `${f.idEqual}/${f.withDtg}` },
    { name: 'post + serial equal', value: pct(f.postSerialEqual, f.cables), min: 97, text: `${f.postSerialEqual}/${f.cables}` },
    {
      name: 'classification equal',
      value: pct(f.classificationEqual, f.cables),
      min: 99,
      text: `${f.classificationEqual}/${f.cables}`,
    },
    {
      name: 'manifest TAGS all present',
      value: pct(f.tagsComplete, f.withManifestTags),
      min: 95,
      text: `${f.tagsComplete}/${f.withManifestTags}`,
    },
    { name: 'errors per cable', value: errorsPerCable, max: 0.1, text: `${f.bySeverity.error}/${f.cables}` },
  ];
}

export function barFails(b: Bar): boolean {
  return (b.min !== undefined && b.value < b.min) || (b.max !== undefined && b.value > b.max);
}

export function formatFigures(f: CorpusFigures): string {
  const out: string[] = [];
  out.push(`${f.cables} cables, ${f.megabytes.toFixed(1)} MB in ${f.seconds.toFixed(1)} s (lint only, one thread)`);
  out.push('');
  out.push('diagnostics by rule (error / warning / info):');
  for (const id of Object.keys(f.byRule).sort()) {
    const r = f.byRule[id]!;
    out.push(`  ${id}  ${String(r.error).padStart(5)} ${String(r.warning).padStart(6)} ${String(r.info).padStart(6)}`);
  }
  out.push('');
  for (const b of bars(f)) {
    const goal = b.min !== undefined ? `>= ${b.min}%` : `<= ${b.max}`;
    const value = b.min !== undefined ? `${b.value.toFixed(2)}%` : b.value.toFixed(3);
    out.push(`${barFails(b) ? 'FAIL' : 'ok  '} ${b.name.padEnd(30)} ${value.padStart(8)}  (${b.text}; goal ${goal})`);
  }
  return out.join('\n');
}

export function corpusAvailable(dir: string): boolean {
  return existsSync(join(dir, 'MANIFEST.tsv'));
}
