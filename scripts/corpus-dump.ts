// node --import tsx scripts/corpus-dump.ts ID…: the header fields and paragraph numbers the grammar reads from public-corpus cables, for review.
import { readFileSync } from 'node:fs';
import { parseCable } from '../grammar/src/index';
import { decode } from './corpus-figures';
const dir = process.env.CORPUS ?? '../shared/corpus/public';
for (const id of process.argv.slice(2)) {
  const c = parseCable(decode(readFileSync(`${dir}/${id}.txt`)));
  const at = (r: { start: { line: number } }) => `L${r.start.line + 1}`;
  console.log(`=== ${id}`);
  console.log('banner', c.banner && at(c.banner.range), c.banner?.level, c.banner?.post.text, c.banner?.serial.text);
  console.log('eo', c.eo && at(c.eo.range), JSON.stringify(c.eo && c.text.slice(c.eo.range.start.offset, c.eo.range.end.offset)));
  for (const t of c.tags) console.log('tags', at(t.range), t.tags.map((x) => x.text).join(' '));
  console.log('subject', c.subject && at(c.subject.range), JSON.stringify(c.subject?.subject));
  console.log('refs', c.refs && at(c.refs.range), JSON.stringify(c.refs?.items.map((i) => [i.letter ?? '-', i.target.text])));
  console.log('classifiedBy', c.classifiedBy && at(c.classifiedBy.range), JSON.stringify(c.classifiedBy && c.text.slice(c.classifiedBy.range.start.offset, c.classifiedBy.range.end.offset)));
  console.log('order', c.headerOrder.map((h) => h.kind).join(' '));
  console.log('paragraphs', c.paragraphs.map((p) => `${p.ambiguous ? '~' : ''}${p.number}${p.midLine ? 'm' : ''}@${p.range.start.line + 1}`).join(' '));
  console.log('wrapper', c.wrapper.map((w) => `${w.role}@${w.range.start.line + 1}`).join(' '));
  console.log('errors', c.errors.map((e) => e.message.slice(0, 80)).join(' | '));
}
