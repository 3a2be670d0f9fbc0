/**
 * Finding and reading `.cablelintrc.json` files on a Node host: the nearest one upward from a
 * file, and what it `extends`, by the steps of host/config-chain.ts answered from the disk.
 * Reading only: a config file is data, never code, so nothing in it is executed.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { CableLintConfig } from '../../config/settings';
import { type ConfigAnswer, type ConfigLocations, type ConfigStep, loadConfig, nearestConfig, runSync } from '../config-chain';
import { ioReason } from '../errors';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Paths of the disk, for the steps of host/config-chain.ts. */
const DISK: ConfigLocations<string> = {
  parent: (dir) => (dirname(dir) === dir ? undefined : dirname(dir)),
  folderOf: (file) => dirname(file),
  child: (dir, name) => join(dir, name),
  resolve: (dir, written) => resolve(dir, written),
  key: (at) => resolve(at),
  label: (at) => relativeLabel(at),
  globBase: (dir) => resolve(dir),
};

function fromDisk(step: ConfigStep<string>): ConfigAnswer {
  if ('probe' in step) return isFile(step.probe);
  try {
    return { text: readFileSync(step.read, 'utf8') };
  } catch (err) {
    return { error: ioReason(err) };
  }
}

/**
 * Reads and validates one config file and everything it `extends` (paths relative to the file's
 * folder, read as data like the file itself), merged base first. Every failure is a ConfigError
 * with a one-line message; a file that extends itself, directly or not, is one.
 */
export function loadConfigFile(path: string, label = path): CableLintConfig {
  return runSync(loadConfig(DISK, resolve(path), label), fromDisk);
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
    return runSync(nearestConfig(DISK, resolve(dir), this.nearestByDir), fromDisk);
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
