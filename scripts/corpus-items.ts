// node --import tsx scripts/corpus-items.ts FILE: the parser's regions (role, field, token type and text) for one cable, to debug the grammar on a corpus excerpt.
import { readFileSync } from 'node:fs';
import { lex } from '../grammar/src/lexer';
import { parseItems } from '../grammar/src/parser';
import { decode } from './corpus-figures';
const text = decode(readFileSync(process.argv[2]!));
const { items, errors } = parseItems(lex(text).tokens);
for (const i of items) {
  const toks = 'tokens' in i ? i.tokens : [i.token];
  const field = 'field' in i ? i.field : '';
  console.log(`${i.role} ${field} ${toks.map((x) => `L${x.startLine} ${x.tokenType.name}: ${x.image.slice(0, 70)}`).join(' | ')}`);
}
for (const e of errors) console.log('ERROR', e.message.slice(0, 100));
