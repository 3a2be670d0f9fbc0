// Snippet text as a client without snippet support must get it: what a snippet client inserts
// when every default is taken (LSP snippet grammar, escapes included).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { snippetToPlainText } from '../../server/src/lsp/snippets';

describe('lsp: snippets as plain text', () => {
  const cases: Array<[string, string]> = [
    ['6. (${1|U,SBU,SBU/NF|}) $0', '6. (U) '],
    ['UNCLAS ${1:POST} ${2:000000}', 'UNCLAS POST 000000'],
    ['E.O. ${1:12958}: DECL: ${2:05/14/2018}', 'E.O. 12958: DECL: 05/14/2018'],
    ['Classified By: ${1:name and title} for reasons ${2:1.4} (${3:b}) and (${4:d}).', 'Classified By: name and title for reasons 1.4 (b) and (d).'],
    ['TAGS: $0', 'TAGS: '],
    ['${1:outer ${2:inner} end}', 'outer inner end'],
    ['${1}a$2b${3:}', 'ab'],
    ['cost \\$5 and \\} and \\\\', 'cost $5 and } and \\'],
    ['${1|a\\,b,c|}', 'a,b'],
    ['${TM_FILENAME:untitled} $CLIPBOARD', 'untitled '],
    ['${TM_FILENAME/(.*)/$1/g}x', 'x'],
    ['a $ b ${ c } ${1:unclosed', 'a $ b ${ c } ${1:unclosed'],
  ];
  for (const [snippet, plain] of cases) {
    it(`${JSON.stringify(snippet)} → ${JSON.stringify(plain)}`, () => assert.equal(snippetToPlainText(snippet), plain));
  }
});
