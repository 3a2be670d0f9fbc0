#!/usr/bin/env node
// Entry point of the `cable-lint` command. The CLI is bundled into dist/cli.js (CommonJS, like the
// rest of dist/), so this ES module only loads it and hands over the arguments.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const bundle = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('cable-lint: dist/cli.js is missing: run `npm run build` first\n');
  process.exit(2);
}
const { main } = require(bundle.pathname);
process.exitCode = await main(process.argv.slice(2));
