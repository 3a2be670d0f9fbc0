/**
 * The engine entry `npm run bench -- --against=DIR` bundles from another checkout of cable-lint:
 * scripts/bench.ts compiles this file's text as if it sat in DIR/bench/, so the imports below
 * resolve to that checkout's grammar and API (any build since lintSource took options, f279a3c
 * included). The phases match bench/inprocess.ts's, so the two builds run the same work.
 */
import { join } from 'node:path';
import { parseCable } from '../grammar/src/index';
import { lintSource } from '../server/src/api';
import type { OtherEngine } from './inprocess';

const session = { now: new Date('2010-01-01T00:00:00Z') };

// A build from before `facts` was an option ignores it and builds the facts, as its CLI then did per file.
const full: OtherEngine['full'] = (text, name) =>
  lintSource({ text, path: name, absolutePath: join('/corpus', name) }, session, { facts: false }).diagnostics.length;
const json: OtherEngine['json'] = (text, name) => {
  const r = lintSource({ text, path: name, absolutePath: join('/corpus', name) }, session);
  return r.diagnostics.length + (r.cable ? 1 : 0);
};
const parse: OtherEngine['parse'] = (text) => parseCable(text).paragraphs.length;

export { full, json, parse };
