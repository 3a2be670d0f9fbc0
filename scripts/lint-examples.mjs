#!/usr/bin/env node
// The lint step of `npm start`: cable-lint over the examples (or the paths given). Several
// examples are invalid on purpose, so findings (exit 1) are what the quick start shows and must
// not stop it; a usage, configuration or I/O error or a crash of cable-lint (exit 2, or a
// signal) stops `npm start` with that status. (It used to end in `|| true`, which hid both.)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const paths = process.argv.slice(2);
const r = spawnSync(process.execPath, [join(root, 'bin', 'cable-lint.js'), ...(paths.length > 0 ? paths : ['examples'])], {
  cwd: paths.length > 0 ? process.cwd() : root,
  stdio: 'inherit',
});
if (r.status === 0 || r.status === 1) process.exit(0);
process.stderr.write(`npm start: cable-lint failed (${r.status !== null ? `exit ${r.status}` : `signal ${r.signal}`}), not a lint finding\n`);
process.exit(r.status || 2);
