/**
 * Finding and loading `.cablelintrc.json` for any host: the nearest file at or above a folder,
 * and the files it `extends`, merged base first. The steps are written once, as generators that
 * yield each file they need and are handed what the host found there: the Node host answers
 * from the disk at once (`runSync`), the browser host through the client (`runAsync`). Parsing,
 * validation and merging are config/settings.ts's; nothing here touches a disk or a connection.
 */
import { CONFIG_FILE_NAME, ConfigError, mergeConfigs, parseConfigText, type CableLintConfig } from '../config/settings';

/** Bases of bases are followed this deep at most: deeper is almost surely a mistake. */
export const MAX_EXTENDS_DEPTH = 16;

/** How a host names files and folders (`L`: a path on Node, a URI in the browser). */
export interface ConfigLocations<L> {
  /** The folder above, or undefined at the top. */
  parent(dir: L): L | undefined;
  /** The folder a file is in. */
  folderOf(file: L): L;
  /** A name in a folder. */
  child(dir: L, name: string): L;
  /** A path as `extends` writes it (relative to `dir`, or absolute). */
  resolve(dir: L, written: string): L;
  /** Identity, for cycles and caches. */
  key(at: L): string;
  /** As messages show it. */
  label(at: L): string;
  /** The folder path `ignores[].files` globs are matched from (the path form `pathOf` gives). */
  globBase(dir: L): string;
}

/** A step asks: is there a file here (`probe`), or its text (`read`). */
export type ConfigStep<L> = { probe: L } | { read: L };
/** What the host found: for a probe, whether the file exists; for a read, its text or why not. */
export type ConfigAnswer = boolean | { text: string } | { error: string };
export type ConfigSteps<L, T> = Generator<ConfigStep<L>, T, ConfigAnswer>;

/** The nearest `.cablelintrc.json` at or above `dir`; `known` caches the answer per folder key. */
export function* nearestConfig<L>(places: ConfigLocations<L>, dir: L, known: Map<string, L | null>): ConfigSteps<L, L | undefined> {
  const visited: string[] = [];
  let found: L | null = null;
  for (let d: L | undefined = dir; d !== undefined; d = places.parent(d)) {
    const cached = known.get(places.key(d));
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(places.key(d));
    const candidate = places.child(d, CONFIG_FILE_NAME);
    if ((yield { probe: candidate }) === true) {
      found = candidate;
      break;
    }
  }
  for (const k of visited) known.set(k, found);
  return found ?? undefined;
}

/**
 * One config file and everything it `extends`, merged base first. Every failure is a
 * ConfigError with a one-line message; a file that extends itself, directly or not, is one.
 */
export function* loadConfig<L>(places: ConfigLocations<L>, at: L, label = places.label(at), chain: readonly L[] = []): ConfigSteps<L, CableLintConfig> {
  if (chain.some((c) => places.key(c) === places.key(at))) {
    throw new ConfigError(`${label}: extends itself (${[...chain, at].map((p) => places.label(p)).join(' → ')})`);
  }
  if (chain.length >= MAX_EXTENDS_DEPTH) throw new ConfigError(`${label}: extends goes deeper than ${MAX_EXTENDS_DEPTH} files`);
  const answer = yield { read: at };
  if (typeof answer !== 'object' || !('text' in answer)) {
    throw new ConfigError(`cannot read ${label}: ${typeof answer === 'object' ? answer.error : 'no such file'}`);
  }
  const folder = places.folderOf(at);
  const own = parseConfigText(answer.text, label, places.globBase(folder));
  const bases: CableLintConfig[] = [];
  for (const written of own.extends ?? []) {
    const base = places.resolve(folder, written);
    if ((yield { probe: base }) !== true) throw new ConfigError(`${label}: extends ${JSON.stringify(written)}: no such file`);
    bases.push(yield* loadConfig(places, base, places.label(base), [...chain, at]));
  }
  return bases.length > 0 ? mergeConfigs(bases, own) : { ...own, extends: [] };
}

/** Runs the steps with a host that answers at once (the disk). */
export function runSync<L, T>(steps: ConfigSteps<L, T>, answer: (step: ConfigStep<L>) => ConfigAnswer): T {
  let next = steps.next();
  while (!next.done) next = steps.next(answer(next.value));
  return next.value;
}

/** Runs the steps with a host that answers later (a client round trip). */
export async function runAsync<L, T>(steps: ConfigSteps<L, T>, answer: (step: ConfigStep<L>) => Promise<ConfigAnswer>): Promise<T> {
  let next = steps.next();
  while (!next.done) next = steps.next(await answer(next.value));
  return next.value;
}
