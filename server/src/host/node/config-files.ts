/**
 * Finding and reading `.cablelintrc.json` files on a Node host: the nearest one upward from a
 * file, and what it `extends`. Reading only: a config file is data, never code, so nothing in it
 * is executed. Parsing, validation and merging are config/settings.ts's (no I/O).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAME, ConfigError, mergeConfigs, parseConfigText, type CableLintConfig } from '../../config/settings';
import { ioReason } from '../errors';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Bases of bases are followed this deep at most: deeper is almost surely a mistake. */
const MAX_EXTENDS_DEPTH = 16;

/**
 * Reads and validates one config file and everything it `extends` (paths relative to the file's
 * folder, read as data like the file itself), merged base first. Every failure is a ConfigError
 * with a one-line message; a file that extends itself, directly or not, is one.
 */
export function loadConfigFile(path: string, label = path, chain: readonly string[] = []): CableLintConfig {
  const absolute = resolve(path);
  if (chain.includes(absolute)) {
    throw new ConfigError(`${label}: extends itself (${[...chain, absolute].map((p) => relativeLabel(p)).join(' → ')})`);
  }
  if (chain.length >= MAX_EXTENDS_DEPTH) throw new ConfigError(`${label}: extends goes deeper than ${MAX_EXTENDS_DEPTH} files`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read ${label}: ${ioReason(err)}`);
  }
  const own = parseConfigText(text, label, dirname(absolute));
  const bases = (own.extends ?? []).map((p) => {
    const basePath = resolve(dirname(absolute), p);
    if (!isFile(basePath)) throw new ConfigError(`${label}: extends ${JSON.stringify(p)}: no such file`);
    return loadConfigFile(basePath, relativeLabel(basePath), [...chain, absolute]);
  });
  return bases.length > 0 ? mergeConfigs(bases, own) : { ...own, extends: [] };
}

/** A path as messages show it: relative to the working folder when it is below it. */
function relativeLabel(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Resolves the config for each linted file: `--config FILE` when given, else the nearest
 * `.cablelintrc.json` in the file's folder or above it. Only the nearest file applies (no
 * cascading), so what a folder's file says is all there is to read. Results are cached, since a
 * folder of cables shares one config.
 */
export class ConfigResolver {
  private readonly explicit?: CableLintConfig;
  private readonly explicitPath?: string;
  private readonly nearestByDir = new Map<string, string | null>();
  private readonly loaded = new Map<string, CableLintConfig>();

  /** `explicitPath` is read at once, so a bad `--config` fails before anything is linted. */
  constructor(explicitPath?: string) {
    if (explicitPath !== undefined) {
      this.explicit = loadConfigFile(explicitPath);
      this.explicitPath = resolve(explicitPath);
    }
  }

  /** The config file that applies to a file (`--config`, else the nearest one), or undefined. */
  configFileFor(filePath: string | undefined, fallbackDir = process.cwd()): string | undefined {
    if (this.explicitPath !== undefined) return this.explicitPath;
    return this.findConfigFile(filePath !== undefined ? dirname(resolve(filePath)) : fallbackDir);
  }

  /** The nearest `.cablelintrc.json` at or above `dir`, or undefined. */
  findConfigFile(dir: string): string | undefined {
    const start = resolve(dir);
    const visited: string[] = [];
    let found: string | null = null;
    for (let d = start; ; d = dirname(d)) {
      const cached = this.nearestByDir.get(d);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(d);
      const candidate = join(d, CONFIG_FILE_NAME);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
      if (dirname(d) === d) break;
    }
    for (const d of visited) this.nearestByDir.set(d, found);
    return found ?? undefined;
  }

  /** Every file the configs read so far came from: each config and the files it `extends`, absolute. */
  filesRead(): string[] {
    const configs = [...this.loaded.values(), ...(this.explicit ? [this.explicit] : [])];
    // `sources` are labels relative to the working folder; resolving them gives the paths back.
    return [...new Set(configs.flatMap((c) => (c.sources ?? [c.source]).map((s) => resolve(s))))];
  }

  /**
   * The config for a file (absolute or relative to the working folder), or for unnamed input
   * (stdin) searched from `fallbackDir`.
   */
  configFor(filePath: string | undefined, fallbackDir = process.cwd()): CableLintConfig | undefined {
    if (this.explicit) return this.explicit;
    const dir = filePath !== undefined ? dirname(resolve(filePath)) : fallbackDir;
    const path = this.findConfigFile(dir);
    if (!path) return undefined;
    let config = this.loaded.get(path);
    if (!config) {
      config = loadConfigFile(path, relativeLabel(path));
      this.loaded.set(path, config);
    }
    return config;
  }
}
