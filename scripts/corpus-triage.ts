// node --import tsx scripts/corpus-triage.ts RULE[:severity]|*:error [max] [ids…]: each diagnostic a rule gives on the public corpus, with its line, for false-positive review.
import { readFileSync, readdirSync } from 'node:fs';
import { lint } from '../server/src/lint';
import { decode } from './corpus-figures';
const dir = process.env.CORPUS ?? '../shared/corpus/public';
const [spec, maxS, ...ids] = process.argv.slice(2);
const [rule, sev] = spec!.split(':');
const max = Number(maxS ?? 1000);
const files = ids.length ? ids.map((i) => `${i}.txt`) : readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
let n = 0, cables = 0;
for (const f of files) {
  const text = decode(readFileSync(`${dir}/${f}`));
  const r = lint(text, { now: new Date('2026-01-01T00:00:00Z'), referenceId: f.slice(0, -4) });
  const ds = r.diagnostics.filter((d) => (rule === '*' ? d.severity !== 'info' : d.ruleId === rule) && (!sev || d.severity === sev));
  if (!ds.length) continue;
  cables++;
  for (const d of ds) {
    if (n++ >= max) continue;
    const L = r.cable.lines[d.range.start.line]!;
    const line = text.slice(L.start, L.end);
    console.log(`${f.slice(0, -4)} [${r.profile}] L${d.range.start.line + 1} ${d.ruleId}/${d.severity}: ${d.message}\n    | ${line.slice(0, 160)}`);
  }
}
console.log(`-- ${n} diagnostics on ${cables} cables`);
