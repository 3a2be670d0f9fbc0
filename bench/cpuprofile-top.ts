/**
 * The functions with the most self time in a V8 .cpuprofile (what `node --cpu-prof` writes):
 * `node --import tsx bench/cpuprofile-top.ts FILE.cpuprofile [N]`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function topSelfTime(profile: Profile, n = 25): Array<{ fn: string; ms: number; share: number }> {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    if (!node) return;
    const f = node.callFrame;
    const file = f.url.split('/').slice(-1)[0] ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return [...self.entries()]
    .sort((x, y) => y[1] - x[1])
    .slice(0, n)
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms), share: Math.round((ms / total) * 1000) / 10 }));
}

/** Time inside each function including its callees (each sample counted once per function). */
export function topTotalTime(profile: Profile, n = 25): Array<{ fn: string; ms: number; share: number }> {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const totals = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (!f || !f.url) continue;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-1)[0]}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + dt);
    }
  });
  return [...totals.entries()]
    .sort((x, y) => y[1] - x[1])
    .slice(0, n)
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms), share: Math.round((ms / total) * 1000) / 10 }));
}

if (process.argv[1]?.endsWith('cpuprofile-top.ts')) {
  const [file, n, mode] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpuprofile-top FILE.cpuprofile [N] [self|total]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const rows = mode === 'total' ? topTotalTime(profile, Number(n ?? 25)) : topSelfTime(profile, Number(n ?? 25));
  for (const r of rows) console.log(`${String(r.ms).padStart(7)} ms ${String(r.share).padStart(5)} %  ${r.fn}`);
}
