// node --import tsx scripts/corpus-snapshot.ts > FILE: one line per diagnostic (id, line, rule, severity) over the public corpus, to diff two versions of the engine.
import { readFileSync, readdirSync } from 'node:fs';
import { lint } from '../server/src/engine/lint';
import { decode } from './corpus-figures';
const dir = process.env.CORPUS ?? '../shared/corpus/public';
for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
  const r = lint(decode(readFileSync(`${dir}/${f}`)), { now: new Date('2026-01-01T00:00:00Z'), referenceId: f.slice(0, -4) });
  for (const d of r.diagnostics) if (d.ruleId !== 'CBL122') console.log(`${f.slice(0, -4)}\t${d.range.start.line + 1}\t${d.ruleId}\t${d.severity}\t${r.profile}\t${d.message.slice(0, 120)}`);
}
