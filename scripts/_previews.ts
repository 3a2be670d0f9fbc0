import { readFileSync, readdirSync } from 'node:fs';
import { parseCable } from '../grammar/src/index';
const dir = '/work/shared/corpus/public';
for (const f of readdirSync(dir)) { if (!f.endsWith('.txt')) continue;
  const t = readFileSync(`${dir}/${f}`, 'utf8');
  const c = parseCable(t);
  const pv = c.wrapper.filter(w => w.role === 'preview');
  if (!pv.length) continue;
  console.log(f, '| previews:', pv.map(p => p.text.slice(0,40)).join(' / '), '| banner line', c.banner?.range.start.line, '| subject line', c.subject?.range.start.line, JSON.stringify(c.subject?.subject.slice(0,60)), '| tags', c.tags.map(l=>l.range.start.line));
}
