import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../server/src/api';
import { readManifest, decode } from './corpus-figures';
const dir = process.env.CORPUS ?? join(import.meta.dirname, '../../shared/corpus/public');
const rows = readManifest(dir);
const words = (xs: string[]) => [...new Set(xs.flatMap((t) => t.toUpperCase().split(/[\s,()]+/).map((w) => w.replace(/[.]+$/, '')).filter(Boolean)))];
const norm = (s: string) =>
  s.toUpperCase().replace(/&#8217;|&#39;|’/g, "'").replace(/<BR>|\\|^STRONG>/g, ' ').replace(/^\s*\(?(?:U|C|S|SBU|S\/NF|C\/NF|CORRECTED COPY)\)\s*/, '').replace(/["“”]/g, '').replace(/\s+/g, ' ').trim();
let nT = 0, setEq = 0, ordEq = 0, nS = 0, subjPrefix = 0, runOn = 0;
const bad: string[] = [], badS: string[] = [];
for (const row of rows) {
  const f = join(dir, row.id + '.txt'); if (!existsSync(f)) continue;
  const cable = lintText(decode(readFileSync(f)), { config: false, referenceId: row.id, now: new Date('2026-01-01') }).files[0]!.cable as any;
  const want = row.tags.split(/\s+/).filter(Boolean);
  if (want.length) {
    nT++;
    const have = words(cable.tags);
    const a = new Set(have), b = new Set(want);
    const eq = a.size === b.size && [...a].every((x) => b.has(x));
    if (eq) setEq++; else bad.push(`${row.id}: want ${want.join(' ')} | have ${have.join(' ')}`);
    if (have.join(' ') === want.join(' ')) ordEq++;
  }
  if (row.subject) {
    nS++;
    const ours = norm(cable.subject ?? '');
    const m = norm(row.subject);
    if (ours.startsWith(m) || (m.startsWith(ours) && ours.length > 0 && /\bREF\b|CLASSIFIED BY/.test(m.slice(ours.length)))) subjPrefix++; else badS.push(`${row.id}: want ${m} | have ${ours}`);
    if (/\bREF(?:TEL)?S?\s*:|CLASSIFIED BY|SENSITIVE BUT UNCLASSIFIED|THIS IS AN ACTION|-----|\(U\)|\(C\)|\(SBU\)|\(S\)|&#/.test(ours)) runOn++;
  }
}
console.log(`tags: ${nT} with manifest tags; set-equal ${setEq} (${(100*setEq/nT).toFixed(1)}%), same order ${ordEq} (${(100*ordEq/nT).toFixed(1)}%)`);
console.log(`subject: ${nS}; starts as manifest ${subjPrefix} (${(100*subjPrefix/nS).toFixed(1)}%); run-on/portion/entity ${runOn}`);
if (process.argv[2]) { console.log(bad.join('\n')); console.log(badS.join('\n')); }
