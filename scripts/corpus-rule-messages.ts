// node --import tsx scripts/corpus-rule-messages.ts RULE: how often each kind of message of one rule occurs on the public corpus (digits folded), and on how many cables.
import { readFileSync, readdirSync } from 'node:fs';
import { lint } from '../server/src/lint';
import { decode } from './corpus-figures';
const dir = process.env.CORPUS ?? '../shared/corpus/public';
const rule = process.argv[2]!;
const kinds = new Map<string, number>();
const cables = new Set<string>();
let total = 0;
for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
  const r = lint(decode(readFileSync(`${dir}/${f}`)), { now: new Date('2026-01-01T00:00:00Z') });
  for (const d of r.diagnostics) {
    if (d.ruleId !== rule) continue;
    total++;
    cables.add(`${f}:${r.profile}`);
    const k = d.message.replace(/\d+/g, 'N').replace(/`[^`]*`/g, '`…`').slice(0, 90);
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
}
const profiles = new Map<string, number>();
for (const c of cables) profiles.set(c.split(':')[1]!, (profiles.get(c.split(':')[1]!) ?? 0) + 1);
console.log(`${total} diagnostics on ${cables.size} cables (${[...profiles].map(([p, n]) => `${p} ${n}`).join(', ')})`);
for (const [k, v] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(String(v).padStart(6), k);
