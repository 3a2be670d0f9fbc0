#!/usr/bin/env node
// Embeds the reference tables of server/data/*.tsv into server/src/data/tables.generated.ts.
// The engine does no I/O (it runs in the language server, the CLI and the browser alike), so the
// tables have to be compiled in. Run after editing a TSV:  node scripts/gen-data.mjs
//
// Rows become positional tuples; long repeated strings (source citations) go into one pool and are
// referenced by index, which keeps the module about half the size of the TSVs. The script checks
// headers, enums, integers and duplicate keys so that a bad edit fails here rather than at run time.
//
//   node scripts/gen-data.mjs --check   exits 1 when the committed module is not what the TSVs give

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'server', 'data');
const outFile = join(root, 'server', 'src', 'data', 'tables.generated.ts');
const checkOnly = process.argv.includes('--check');

function fail(msg) {
  console.error(`gen-data: ${msg}`);
  process.exit(1);
}

/** Reads a TSV, checks its header, returns rows as string arrays. */
function readTsv(name, columns) {
  const text = readFileSync(join(dataDir, name), 'utf8');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const header = lines.shift().split('\t');
  if (header.join('\t') !== columns.join('\t')) {
    fail(`${name}: expected columns [${columns.join(', ')}], found [${header.join(', ')}]`);
  }
  return lines.map((line, i) => {
    const cells = line.split('\t');
    if (cells.length !== columns.length) {
      fail(`${name}:${i + 2}: ${cells.length} fields, expected ${columns.length}`);
    }
    return cells;
  });
}

function int(name, row, col) {
  const v = row[col];
  if (!/^\d+$/.test(v)) fail(`${name}: row ${row[0]}: column ${col} is not an integer: ${JSON.stringify(v)}`);
  return Number(v);
}

function oneOf(name, row, col, allowed) {
  if (!allowed.includes(row[col])) {
    fail(`${name}: row ${row[0]}: ${JSON.stringify(row[col])} not in ${allowed.join('|')}`);
  }
  return row[col];
}

function unique(name, rows, keyOf) {
  const seen = new Set();
  for (const r of rows) {
    const k = keyOf(r);
    if (seen.has(k)) fail(`${name}: duplicate key ${k}`);
    seen.add(k);
  }
}

const pool = [];
const poolIndex = new Map();
function src(s) {
  let i = poolIndex.get(s);
  if (i === undefined) {
    i = pool.length;
    pool.push(s);
    poolIndex.set(s, i);
  }
  return i;
}

const TAG_KINDS = ['subject', 'program', 'organization', 'geographic'];
const TAG_STATUSES = ['official', 'secondary', 'fips', 'acronym', 'unverified', 'inferred'];
const LIKELY_KINDS = ['program?', 'subject?', 'geographic?', 'organization', 'freestyle/other', 'unknown'];

// --- tags.tsv
const tagRows = readTsv('tags.tsv', ['code', 'kind', 'meaning', 'source', 'status', 'corpus_count', 'note']);
unique('tags.tsv', tagRows, (r) => r[0]);
const tags = tagRows.map((r) => [
  r[0],
  oneOf('tags.tsv', r, 1, TAG_KINDS),
  r[2],
  src(r[3]),
  oneOf('tags.tsv', r, 4, TAG_STATUSES),
  int('tags.tsv', r, 5),
  r[6],
]);

// --- tags_undefined_in_corpus.tsv
const undefRows = readTsv('tags_undefined_in_corpus.tsv', ['code', 'count_all', 'count_public', 'likely_kind']);
unique('tags_undefined_in_corpus.tsv', undefRows, (r) => r[0]);
const tagCodes = new Set(tagRows.map((r) => r[0]));
for (const r of undefRows) {
  if (tagCodes.has(r[0])) fail(`tags_undefined_in_corpus.tsv: ${r[0]} is also in tags.tsv`);
}
const undefinedTags = undefRows.map((r) => [
  r[0],
  int('tags_undefined_in_corpus.tsv', r, 1),
  int('tags_undefined_in_corpus.tsv', r, 2),
  oneOf('tags_undefined_in_corpus.tsv', r, 3, LIKELY_KINDS),
]);

// --- tag_categories.tsv
const catRows = readTsv('tag_categories.tsv', ['letter', 'category', 'description', 'source']);
unique('tag_categories.tsv', catRows, (r) => r[0]);
const tagCategories = catRows.map((r) => [r[0], r[1], r[2], src(r[3])]);

// --- routing_indicators.tsv
const riRows = readTsv('routing_indicators.tsv', [
  'routing_indicator', 'acp117_name', 'corpus_name', 'corpus_address_count', 'corpus_originator_count', 'source',
]);
unique('routing_indicators.tsv', riRows, (r) => r[0]);
const routingIndicators = riRows.map((r) => {
  if (!/^[A-Z]{4,7}(?: THRU [A-Z]{7})?$/.test(r[0])) fail(`routing_indicators.tsv: odd indicator ${JSON.stringify(r[0])}`);
  return [r[0], r[1], r[2], int('routing_indicators.tsv', r, 3), int('routing_indicators.tsv', r, 4), src(r[5])];
});

// --- posts.tsv
const postRows = readTsv('posts.tsv', [
  'refid_post', 'banner_post', 'origin_label', 'fm_line', 'de_routing_indicator', 'cables_in_public_corpus', 'banner_variants',
]);
unique('posts.tsv', postRows, (r) => r[0]);
const posts = postRows.map((r) => {
  const variants = r[6] === '' ? [] : r[6].split('|').map((v) => {
    const m = /^(.+):(\d+)$/.exec(v);
    if (!m) fail(`posts.tsv: row ${r[0]}: bad banner variant ${JSON.stringify(v)}`);
    return [m[1], Number(m[2])];
  });
  return [r[0], r[1], r[2], r[3], r[4], int('posts.tsv', r, 5), variants];
});

// --- header_codes.tsv
const hcRows = readTsv('header_codes.tsv', ['field', 'code', 'meaning', 'source', 'public_corpus_count']);
unique('header_codes.tsv', hcRows, (r) => `${r[0]}\t${r[1]}`);
const headerFields = [...new Set(hcRows.map((r) => r[0]))];
const headerCodes = hcRows.map((r) => [r[0], r[1], r[2], src(r[3]), int('header_codes.tsv', r, 4)]);

// --- eo_classification_reasons.tsv
const eoRows = readTsv('eo_classification_reasons.tsv', [
  'section', 'letter', 'category', 'applies_to', 'source', 'public_corpus_count',
]);
unique('eo_classification_reasons.tsv', eoRows, (r) => `${r[0]}${r[1]}`);
const eoReasons = eoRows.map((r) => [
  oneOf('eo_classification_reasons.tsv', r, 0, ['1.4', '1.5']),
  r[1],
  r[2],
  src(r[3]),
  src(r[4]),
  int('eo_classification_reasons.tsv', r, 5),
]);

// --- tags_handbooks.tsv
// One row per code and edition. The 5 FAH-3 rows are the ones tags.tsv marks `official`; the 1974
// rows add codes and historic meanings. `note` carries two facts the lookup needs, so they are
// checked here: `1974 code, superseded` marks the historic country codes, and a 5 FAH-3 title cut
// off in the stored copy (`Ener...`) confirms the code without giving its meaning.
const TAG_EDITIONS = ['5FAH3-2022', 'TAGS-1974'];
const HANDBOOK_KINDS = ['subject', 'organization', 'geographic'];
const hbRows = readTsv('tags_handbooks.tsv', ['code', 'kind', 'meaning', 'edition', 'source', 'note']);
unique('tags_handbooks.tsv', hbRows, (r) => `${r[0]}\t${r[3]}`);
const tagByCode = new Map(tagRows.map((r) => [r[0], r]));
const handbookTags = hbRows.map((r) => {
  const [code, , meaning, edition, , note] = r;
  if (!/^[A-Z][A-Z0-9/-]*$/.test(code)) fail(`tags_handbooks.tsv: odd code ${JSON.stringify(code)}`);
  oneOf('tags_handbooks.tsv', r, 1, HANDBOOK_KINDS);
  oneOf('tags_handbooks.tsv', r, 3, TAG_EDITIONS);
  const historic = note === '1974 code, superseded';
  if (historic && (edition !== 'TAGS-1974' || tagByCode.has(code))) {
    fail(`tags_handbooks.tsv: ${code} is marked superseded but is not a 1974 code missing from tags.tsv`);
  }
  const partial = /\.\.\. \(title cut off/.test(meaning);
  if (edition === '5FAH3-2022' && tagByCode.get(code)?.[4] !== 'official') {
    fail(`tags_handbooks.tsv: ${code} is a 5 FAH-3 row but tags.tsv does not mark it official`);
  }
  return [code, r[1], meaning, edition, src(r[4]), note, historic, partial];
});
const historicCount = handbookTags.filter((r) => r[6]).length;
if (historicCount !== 17) fail(`tags_handbooks.tsv: expected the 17 superseded 1974 country codes, found ${historicCount}`);

// --- executive_orders.tsv
const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const eoOrderRows = readTsv('executive_orders.tsv', [
  'eo', 'title', 'signed', 'effective', 'ended', 'replaced_by', 'amends', 'citation', 'source', 'note',
]);
unique('executive_orders.tsv', eoOrderRows, (r) => r[0]);
const eoNumbers = new Set(eoOrderRows.map((r) => r[0]));
const executiveOrders = eoOrderRows.map((r) => {
  const [eo, title, signed, effective, ended, replacedBy, amends, citation, source, note] = r;
  if (!/^\d{5}$/.test(eo)) fail(`executive_orders.tsv: odd order number ${JSON.stringify(eo)}`);
  for (const [name, v, optional] of [['signed', signed, false], ['effective', effective, false], ['ended', ended, true]]) {
    if (!(optional && v === '') && !ISO_DAY.test(v)) fail(`executive_orders.tsv: ${eo}: ${name} is not a YYYY-MM-DD day: ${JSON.stringify(v)}`);
  }
  if (effective < signed) fail(`executive_orders.tsv: ${eo} takes effect before it was signed`);
  if (ended !== '' && ended <= effective) fail(`executive_orders.tsv: ${eo} ends before it takes effect`);
  for (const ref of [replacedBy, amends]) {
    if (ref !== '' && !eoNumbers.has(ref)) fail(`executive_orders.tsv: ${eo} refers to ${ref}, which is not in the table`);
  }
  if ((ended === '') !== (replacedBy === '')) fail(`executive_orders.tsv: ${eo}: an order that ended names what replaced it, and only then`);
  return [eo, title, signed, effective, ended, replacedBy, amends, citation, src(source), note];
});
// The orders that are not amendments succeed one another without gap or overlap.
const governing = executiveOrders.filter((r) => r[6] === '').sort((a, b) => (a[3] < b[3] ? -1 : 1));
for (let i = 1; i < governing.length; i++) {
  const [prev, next] = [governing[i - 1], governing[i]];
  if (prev[4] !== next[3] || prev[5] !== next[0]) {
    fail(`executive_orders.tsv: ${prev[0]} should end the day ${next[0]} takes effect and name it as its replacement`);
  }
}

// --- secretaries_of_state.tsv
const secretaryRows = readTsv('secretaries_of_state.tsv', ['surname', 'name', 'entered', 'left', 'source', 'note']);
unique('secretaries_of_state.tsv', secretaryRows, (r) => r[2]);
const secretaries = secretaryRows.map((r) => {
  const [surname, name, entered, left, source, note] = r;
  if (!/^[A-Z][A-Z' -]+$/.test(surname)) fail(`secretaries_of_state.tsv: ${JSON.stringify(surname)} is not a surname in capitals, as cables sign`);
  for (const v of [entered, left]) if (!ISO_DAY.test(v)) fail(`secretaries_of_state.tsv: ${surname}: ${JSON.stringify(v)} is not a YYYY-MM-DD day`);
  if (left < entered) fail(`secretaries_of_state.tsv: ${surname} left before entering office`);
  return [surname, name, entered, left, src(source), note];
});
for (let i = 1; i < secretaries.length; i++) {
  if (secretaries[i][2] < secretaries[i - 1][3]) fail(`secretaries_of_state.tsv: ${secretaries[i][0]} entered office before ${secretaries[i - 1][0]} left`);
}

// --- emit
const lit = (s) => JSON.stringify(s);
const union = (xs) => xs.map(lit).join(' | ');
const rowsOf = (rows) => rows.map((r) => `  ${JSON.stringify(r)},`).join('\n');

const out = `// GENERATED FILE, DO NOT EDIT. Produced by \`node scripts/gen-data.mjs\` from server/data/*.tsv
// (provenance in server/data/README.md). Edit the TSV and re-run the script instead.
// Columns are positional; numbers in "source" positions index SOURCES.

export type TagKind = ${union(TAG_KINDS)};
export type TagStatus = ${union(TAG_STATUSES)};
export type UndefinedTagLikelyKind = ${union(LIKELY_KINDS)};
export type HeaderField = ${union(headerFields)};
export type EoSection = ${union(['1.4', '1.5'])};
export type HandbookEdition = ${union(TAG_EDITIONS)};
export type HandbookTagKind = ${union(HANDBOOK_KINDS)};

/** Distinct source citations, referenced by index from the tables below. */
export const SOURCES: readonly string[] = [
${pool.map((s) => `  ${lit(s)},`).join('\n')}
];

export type TagRow = readonly [code: string, kind: TagKind, meaning: string, source: number, status: TagStatus, corpusCount: number, note: string];
export const TAGS: readonly TagRow[] = [
${rowsOf(tags)}
];

export type UndefinedTagRow = readonly [code: string, countAll: number, countPublic: number, likelyKind: UndefinedTagLikelyKind];
export const UNDEFINED_TAGS: readonly UndefinedTagRow[] = [
${rowsOf(undefinedTags)}
];

export type TagCategoryRow = readonly [letter: string, category: string, description: string, source: number];
export const TAG_CATEGORIES: readonly TagCategoryRow[] = [
${rowsOf(tagCategories)}
];

export type RoutingIndicatorRow = readonly [ri: string, acp117Name: string, corpusName: string, corpusAddressCount: number, corpusOriginatorCount: number, source: number];
export const ROUTING_INDICATORS: readonly RoutingIndicatorRow[] = [
${rowsOf(routingIndicators)}
];

export type PostRow = readonly [refidPost: string, bannerPost: string, originLabel: string, fmLine: string, deRoutingIndicator: string, cablesInPublicCorpus: number, bannerVariants: readonly (readonly [banner: string, count: number])[]];
export const POSTS: readonly PostRow[] = [
${rowsOf(posts)}
];

export type HeaderCodeRow = readonly [field: HeaderField, code: string, meaning: string, source: number, publicCorpusCount: number];
export const HEADER_CODES: readonly HeaderCodeRow[] = [
${rowsOf(headerCodes)}
];

export type EoReasonRow = readonly [section: EoSection, letter: string, category: string, appliesTo: number, source: number, publicCorpusCount: number];
export const EO_REASONS: readonly EoReasonRow[] = [
${rowsOf(eoReasons)}
];

/** tags_handbooks.tsv; \`historic\`: a superseded 1974 country code; \`partial\`: title cut off in the stored copy. */
export type HandbookTagRow = readonly [code: string, kind: HandbookTagKind, meaning: string, edition: HandbookEdition, source: number, note: string, historic: boolean, partial: boolean];
export const HANDBOOK_TAGS: readonly HandbookTagRow[] = [
${rowsOf(handbookTags)}
];

/** executive_orders.tsv; days are YYYY-MM-DD, empty when the order has not ended / replaces or amends nothing. */
export type ExecutiveOrderRow = readonly [eo: string, title: string, signed: string, effective: string, ended: string, replacedBy: string, amends: string, citation: string, source: number, note: string];
export const EXECUTIVE_ORDERS: readonly ExecutiveOrderRow[] = [
${rowsOf(executiveOrders)}
];

/** secretaries_of_state.tsv, in office from \`entered\` to \`left\` (YYYY-MM-DD, both days included). */
export type SecretaryRow = readonly [surname: string, name: string, entered: string, left: string, source: number, note: string];
export const SECRETARIES_OF_STATE: readonly SecretaryRow[] = [
${rowsOf(secretaries)}
];
`;

const relOut = outFile.slice(root.length + 1);
if (checkOnly) {
  let current = '';
  try {
    current = readFileSync(outFile, 'utf8');
  } catch {
    // missing: reported below
  }
  if (current !== out) fail(`${relOut} is not what server/data/*.tsv give: run node scripts/gen-data.mjs`);
  console.log(`gen-data: ${relOut} is up to date`);
} else {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, out);
  console.log(
    `gen-data: wrote ${relOut} (${tags.length} tags, ${handbookTags.length} handbook rows, ${undefinedTags.length} undefined tags, ` +
      `${routingIndicators.length} routing indicators, ${posts.length} posts, ${headerCodes.length} header codes, ` +
      `${eoReasons.length} E.O. reasons, ${executiveOrders.length} executive orders, ${secretaries.length} secretaries of state, ${tagCategories.length} tag categories, ` +
      `${pool.length} sources; ${out.length} bytes)`,
  );
}
