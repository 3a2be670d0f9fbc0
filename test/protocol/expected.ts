/**
 * The diagnostics examples/README.md promises for each example ("part of the contract"), as
 * `RULE·severity·line` with 1-based lines. Written from the README's table, not from the engine.
 */
export const EXPECTED: Record<string, string[]> = {
  'seed-000-dushanbe-50-partial-extract.txt': [14, 15, 19, 20, 21, 25, 29, 35, 36, 37, 38].map((l) => `CBL084·warning·${l}`),
  'seed-002-dushanbe-313-published.txt': [],
  'valid-draft-reykjavik.cable': [],
  'valid-transmitted-two-sections.cable': [],
  'valid-draft-unclassified.cable': [],
  'invalid-paragraphs.cable': ['CBL100·warning·13', 'CBL091·error·17', 'CBL081·warning·20', 'CBL080·error·26', 'CBL090·error·29'],
  'invalid-sections.cable': [
    'CBL037·error·1',
    'CBL032·error·46',
  ],
  'invalid-header.cable': [
    'CBL044·error·5',
    'CBL061·warning·6',
    'CBL064·warning·6',
    'CBL075·warning·12',
    'CBL076·warning·26',
    'CBL046·error·14',
  ],
  'invalid-header-missing-eo.cable': ['CBL040·error·5'],
  'invalid-envelope.cable': ['CBL008·warning·3', 'CBL009·warning·3', 'CBL005·error·4'],
  'invalid-dtg.cable': ['CBL006·error·5'],
};

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** The same shape from LSP diagnostics, deduplicated (two CBL061 on one line are one row). */
export function rows(diagnostics: { code?: unknown; severity?: number; range: { start: { line: number } } }[]): string[] {
  return [...new Set(diagnostics.map((d) => `${String(d.code)}·${SEVERITY[d.severity ?? 0]}·${d.range.start.line + 1}`))].sort();
}
