/**
 * `npm run regex-scan`: every regular-expression literal in the engine (grammar/src, server/src)
 * tried on texts made of one repeated unit (`A AND `, `A, `, `WORD ` …) and a tail that makes
 * the match fail, at growing lengths. A pattern whose time grows exponentially, or clearly faster
 * than the text (2.8× or more for twice the length), is printed: such a pattern can hang the
 * language server on one line of text. The fuzzer
 * found two in CBL043 (a list of codes, an event phrase); this looks for the rest. Outside CI:
 * it takes a few minutes.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const files = [];
const walk = (d) => {
  for (const f of readdirSync(d).sort()) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.ts')) files.push(p);
  }
};
walk('grammar/src');
walk('server/src');

// A regex literal: not after an identifier or a closing bracket (that is a division).
const LITERAL = /(?<![\w)\]])\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/([dgimsuy]*)/g;
const patterns = [];
for (const f of files) {
  for (const m of readFileSync(f, 'utf8').matchAll(LITERAL)) {
    try {
      patterns.push({ f, re: new RegExp(m[1], m[2].replace(/[gy]/g, '')) });
    } catch {
      // a division or a comment that looked like a literal
    }
  }
}

const UNITS = ['A AND ', 'WORD ', 'A, ', '1. ', '  ', '(', 'A.', '-- ', 'X1 AND ', 'AB ', 'A/B ', "A'", '1/', ' ,', 'R', 'RUEH ', 'A-B '];
const TAILS = ['!', '\u0001', ',', ''];
const found = [];
for (const { f, re } of patterns) {
  for (const unit of UNITS) {
    for (const tail of TAILS) {
      const once = (n) => {
        const s = unit.repeat(n) + tail;
        const t0 = performance.now();
        re.test(s);
        re.test(` ${s}`);
        return performance.now() - t0;
      };
      // The best of three: a collection or a neighbour's burst must not read as growth.
      const time = (n) => Math.min(once(n), once(n), once(n));
      const what = `${f}: ${re} on ${JSON.stringify(unit)} × n + ${JSON.stringify(tail)}`;
      // Exponential first, on lengths small enough to finish.
      const [a, b] = [time(6), time(10)];
      if (b > 1 && b / Math.max(a, 0.02) > 6) {
        found.push(`exponential: ${what}`);
        continue;
      }
      const [c, d] = [time(14), time(18)];
      if (d > 5 && d / Math.max(c, 0.05) > 6) {
        found.push(`exponential: ${what}`);
        continue;
      }
      if (time(200) < 2) continue;
      const [e, g] = [time(400), time(800)];
      if (g > 50 && g / e > 2.8) found.push(`super-linear (${e.toFixed(0)} → ${g.toFixed(0)} ms at 400 → 800 units): ${what}`);
    }
  }
}
console.log(`${patterns.length} patterns in ${files.length} files, ${found.length} found`);
for (const line of found) console.log(line);
process.exit(found.length ? 1 : 0);
