#!/usr/bin/env node
// `npm run test:neovim`: the README's Neovim snippet in a real Neovim (Debian's, 0.7.2 on Debian
// 12), headless, against the built server (test/neovim). Neovim comes from Debian: when `nvim` is
// missing it is installed with apt-get (as root, which CI is; otherwise the script says what to
// install). Exits with the tests' status.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function has(cmd) {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) {
    console.error(`test:neovim: ${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
    process.exit(r.status || 1);
  }
}

if (!has('nvim')) {
  if (process.getuid?.() !== 0) {
    console.error('test:neovim: nvim is missing; install Debian\'s neovim first (apt-get install neovim), as root');
    process.exit(1);
  }
  console.log('test:neovim: apt-get install neovim');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'neovim'], { env });
}
if (!existsSync(join(ROOT, 'dist', 'server.js')) || !existsSync(join(ROOT, 'dist', 'cli.js'))) run('npm', ['run', 'build'], { cwd: ROOT });
run(process.execPath, [join(ROOT, 'scripts', 'run-tests.mjs'), join(ROOT, 'test', 'neovim')], { cwd: ROOT });
