/**
 * Writes snippets/cable.code-snippets (contributes.snippets) from the New draft skeleton of
 * server/src/service/new-draft.ts, so that the snippets and the command cannot drift apart.
 * Run after changing the skeleton: npm run snippets (test/unit/service-new-draft.test.ts checks it).
 */
import { writeFileSync } from 'node:fs';
import { draftSnippets } from '../server/src/service/new-draft';

const out = new URL('../snippets/cable.code-snippets', import.meta.url);
writeFileSync(out, `${JSON.stringify(draftSnippets(), null, 2)}\n`);
console.log(`snippets: wrote ${Object.keys(draftSnippets()).length} snippets to snippets/cable.code-snippets`);
