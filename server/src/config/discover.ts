/**
 * Finding and reading `.cablelintrc.json` files. Reading only: a config file is data, never code,
 * so nothing in it is executed.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME, ConfigError, parseConfigText, type CableLintConfig } from './settings';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

/** A one-line reason for a failed file operation, without Node's `ENOENT: …, open '…'` noise. */
export function ioReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException | undefined;
  if (e?.code && REASONS[e.code]) return REASONS[e.code]!;
  const message = e?.message ?? String(err);
  return message.split('\n')[0]!;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Reads and validates one config file; every failure is a ConfigError with a one-line message. */
export function loadConfigFile(path: string, label = path): CableLintConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read ${label}: ${ioReason(err)}`);
  }
  return parseConfigText(text, label, dirname(resolve(path)));
}

/**
 * Resolves the config for each linted file: `--config FILE` when given, else the nearest
 * `.cablelintrc.json` in the file's folder or above it. Only the nearest file applies (no
 * cascading), so what a folder's file says is all there is to read. Results are cached, since a
 * folder of cables shares one config.
 */
export class ConfigResolver {
  private readonly explicit?: CableLintConfig;
  private readonly nearestByDir = new Map<string, string | null>();
  private readonly loaded = new Map<string, CableLintConfig>();

  /** `explicitPath` is read at once, so a bad `--config` fails before anything is linted. */
  constructor(explicitPath?: string) {
    if (explicitPath !== undefined) this.explicit = loadConfigFile(explicitPath);
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
      config = loadConfigFile(path);
      this.loaded.set(path, config);
    }
    return config;
  }
}
