/**
 * Files on a Node host: reading cables (decoded as decode.ts says), writing fixed ones back
 * atomically, and turning command-line paths, folders and globs into the files to lint.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { decodeCable } from '../decode';
import { InputError, ioReason } from '../errors';

/** Extensions picked up when walking a folder (a file named explicitly is linted whatever its name). */
export const CABLE_EXTENSIONS: readonly string[] = ['.cable', '.tel', '.txt'];

/** A file's bytes; an InputError names the file when it cannot be read. */
export function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new InputError(`cannot read ${path}: ${ioReason(err)}`);
  }
}

/** When and how big a file was, to tell whether it changed since; undefined when it is gone. */
export function fileStamp(path: string): { mtimeMs: number; size: number } | undefined {
  try {
    const s = statSync(path);
    return { mtimeMs: s.mtimeMs, size: s.size };
  } catch {
    return undefined;
  }
}

export function fileExists(path: string): boolean {
  return existsSync(path);
}

/**
 * Writes a report or a new file, creating its folder; `exclusive` never replaces a file. An
 * error names the file as `shown` (as the user gave it).
 */
export function writeTextFile(path: string, text: string, options: { exclusive?: boolean; shown?: string } = {}): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, options.exclusive ? { flag: 'wx' } : {});
  } catch (err) {
    throw new InputError(`cannot write ${options.shown ?? path}: ${ioReason(err)}`);
  }
}

export function readCableFile(path: string): string {
  try {
    return decodeCable(readFileSync(path));
  } catch (err) {
    throw new InputError(`cannot read ${path}: ${ioReason(err)}`);
  }
}

/**
 * Replaces a file's content atomically: the bytes go to a temporary file in the same folder,
 * which is then renamed over the original, so a reader (or a crash) sees the old file or the new
 * one, never half of it. The original's permissions are kept.
 */
export function writeFileAtomic(given: string, bytes: Uint8Array): void {
  // Through a symbolic link the file it points at is replaced, not the link: renaming over the
  // link would turn it into a copy and leave the real file unfixed.
  let path = given;
  try {
    path = realpathSync(given);
  } catch {
    path = given;
  }
  const dir = dirname(resolve(path));
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.cable-lint-tmp`);
  try {
    let mode: number | undefined;
    try {
      mode = statSync(path).mode & 0o7777;
    } catch {
      mode = undefined;
    }
    writeFileSync(tmp, bytes, mode !== undefined ? { mode } : {});
    renameSync(tmp, path);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The temporary file is ours; failing to remove it changes nothing about the error.
    }
    throw new InputError(`cannot write ${given}: ${ioReason(err)}`);
  }
}

export interface InputFile {
  /** As shown in reports: the path given, or the folder given joined with the path below it. */
  path: string;
  absolutePath: string;
}

function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** `shown` is the folder as reports show it (as given, or joined below it); `dir` is absolute. */
function walk(
  shown: string,
  dir: string,
  out: InputFile[],
  skip: (absolute: string, isDir: boolean) => boolean,
  wanted: (name: string, absolute: string) => boolean = (name) => CABLE_EXTENSIONS.includes(extname(name).toLowerCase()),
): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new InputError(`cannot read ${shown}: ${ioReason(err)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    // Symbolic links to files are followed; links to folders are not, so a walk cannot loop.
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        isFile = statSync(p).isFile();
      } catch {
        isFile = false;
      }
    }
    if (e.isDirectory()) {
      if (!isSkippedFolder(e.name) && !skip(p, true)) walk(join(shown, e.name), p, out, skip, wanted);
    } else if (isFile && wanted(e.name, p) && !skip(p, false)) {
      out.push({ path: join(shown, e.name), absolutePath: p });
    }
  }
}

/** The ignore file read from the working folder (gitignore syntax), like `.eslintignore`. */
export const IGNORE_FILE_NAME = '.cablelintignore';

/**
 * gitignore-style patterns (`#` comments, `!` re-includes, a trailing `/` for folders only, a
 * `/` inside anchoring the pattern to `baseDir`, otherwise matching at any depth) as a test on
 * absolute paths. The last matching pattern decides, as in git.
 */
export function ignoreMatcher(patterns: readonly string[], baseDir: string): (absolute: string, isDir: boolean) => boolean {
  const rules = patterns
    .map((line) => line.replace(/\s+$/, ''))
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      let pattern = negated ? line.slice(1) : line;
      const dirOnly = pattern.endsWith('/');
      if (dirOnly) pattern = pattern.replace(/\/+$/, '');
      const anchored = pattern.includes('/');
      pattern = pattern.replace(/^\//, '');
      const glob = anchored ? pattern : `**/${pattern}`;
      return { negated, dirOnly, self: picomatch(glob, { dot: true }), below: picomatch(`${glob}/**`, { dot: true }) };
    });
  if (rules.length === 0) return () => false;
  return (absolute, isDir) => {
    const rel = relative(baseDir, absolute).split(sep).join('/');
    // Paths outside the folder of the patterns are not theirs to ignore.
    if (rel === '' || rel.startsWith('../') || rel === '..' || isAbsolute(rel)) return false;
    let ignored = false;
    for (const r of rules) {
      // Anything below an ignored folder is ignored with it (the folder's own test needs isDir).
      const hit = ((!r.dirOnly || isDir) && r.self(rel)) || r.below(rel);
      if (hit) ignored = !r.negated;
    }
    return ignored;
  };
}

/** A positional argument that is a glob pattern rather than a path (a path that exists wins). */
function isGlob(p: string, cwd: string): boolean {
  return picomatch.scan(p).isGlob && !existsSync(resolve(cwd, p));
}

/**
 * The files a glob matches, found by walking the folder before its first wildcard (the same walk
 * as for folders, so `node_modules` and dot-folders are skipped alike); any file name the glob
 * matches counts, not only cable extensions. Sorted, as `shown` paths.
 */
function globFiles(pattern: string, cwd: string, skip: (absolute: string, isDir: boolean) => boolean): InputFile[] {
  const posix = pattern.replace(/\\/g, '/');
  const { base } = picomatch.scan(posix);
  const baseAbsolute = resolve(cwd, base || '.');
  const matchAbsolute = isAbsolute(posix);
  const matches = picomatch(matchAbsolute ? posix : posix.replace(/^\.\//, ''), { dot: false });
  const out: InputFile[] = [];
  let stat;
  try {
    stat = statSync(baseAbsolute);
  } catch {
    return out;
  }
  if (!stat.isDirectory()) return out;
  walk(base || '.', baseAbsolute, out, skip, (_name, absolute) => {
    const rel = matchAbsolute ? absolute.split(sep).join('/') : relative(cwd, absolute).split(sep).join('/');
    return matches(rel);
  });
  for (const f of out) f.path = f.path.replace(/^\.[\\/]/, '');
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface ExpandOptions {
  /** Folder that relative paths, globs and ignore patterns are taken from (default: the working folder). */
  cwd?: string;
  /** Extra gitignore-style patterns (`--ignore-pattern`), relative to `cwd`. */
  ignorePatterns?: readonly string[];
  /** Read `.cablelintignore` from `cwd` (default true). */
  ignoreFile?: boolean;
}

export interface Expansion {
  files: InputFile[];
  /** Files named explicitly that an ignore pattern matches: skipped, worth a note. */
  ignored: string[];
}

function readIgnoreFile(cwd: string): string[] {
  const path = join(cwd, IGNORE_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new InputError(`cannot read ${IGNORE_FILE_NAME}: ${ioReason(err)}`);
  }
  return text.split(/\r?\n/);
}

/**
 * Expands files, folders (searched recursively for `*.cable`, `*.tel`, `*.txt`, skipping
 * `node_modules` and dot-folders) and glob patterns into the files to lint, in a stable order
 * (arguments in order, each folder or glob sorted), each once. Ignore patterns (the
 * `.cablelintignore` of `cwd` and `ignorePatterns`) drop what folders and globs find and the
 * files named explicitly, which are listed in `ignored`. A glob that matches nothing is an error.
 */
export function expandInputs(paths: readonly string[], options: ExpandOptions = {}): Expansion {
  const cwd = resolve(options.cwd ?? process.cwd());
  const patterns = [...(options.ignoreFile === false ? [] : readIgnoreFile(cwd)), ...(options.ignorePatterns ?? [])];
  const ignoredBy = ignoreMatcher(patterns, cwd);
  const out: InputFile[] = [];
  const ignored: string[] = [];
  for (const p of paths) {
    if (isGlob(p, cwd)) {
      const found = globFiles(p, cwd, ignoredBy);
      if (found.length === 0) throw new InputError(`no files match ${JSON.stringify(p)}`);
      out.push(...found);
      continue;
    }
    // resolve('') is the working folder: an empty argument (an unset shell variable) must not lint it all.
    if (p === '') throw new InputError('an empty path was given');
    const absolute = resolve(cwd, p);
    let stat;
    try {
      stat = statSync(absolute);
    } catch (err) {
      throw new InputError(`cannot read ${p}: ${ioReason(err)}`);
    }
    if (stat.isDirectory()) {
      if (!ignoredBy(absolute, true)) walk(p, absolute, out, ignoredBy);
    } else if (ignoredBy(absolute, false)) ignored.push(p);
    else out.push({ path: p, absolutePath: absolute });
  }
  const seen = new Set<string>();
  const files = out.filter((f) => (seen.has(f.absolutePath) ? false : (seen.add(f.absolutePath), true)));
  return { files, ignored };
}

/** {@link expandInputs} without ignore files: plain files and folders (and globs). */
export function expandPaths(paths: readonly string[], options: ExpandOptions = {}): InputFile[] {
  return expandInputs(paths, { ignoreFile: false, ...options }).files;
}
