// npm run corpus -- DIR [--details]: the engine's figures over a folder of cables with a MANIFEST.tsv.
import { corpusAvailable, corpusFigures, formatFigures, bars, barFails } from './corpus-figures';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? '../shared/corpus/public';
if (!corpusAvailable(dir)) {
  console.error(`corpus: no MANIFEST.tsv in ${dir}`);
  process.exit(2);
}
const f = corpusFigures(dir);
if (args.includes('--details')) {
  console.log(JSON.stringify({ mismatches: f.mismatches, examples: f.examples }, null, 1));
}
console.log(formatFigures(f));
process.exit(bars(f).some(barFails) ? 1 : 0);
