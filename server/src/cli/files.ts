/** Turning command-line paths into cable texts: folder walks, decoding, reference ids from names. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { ioReason } from '../config/discover';

/** A file or folder that cannot be read; the message is one line, fit to print as it is. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Extensions picked up when walking a folder (a file named explicitly is linted whatever its name). */
export const CABLE_EXTENSIONS: readonly string[] = ['.cable', '.tel', '.txt'];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Cable bytes to text: UTF-8 when the bytes are valid UTF-8, else Latin-1, the encoding of the
 * cables.csv texts (their `¶` is the single byte 0xB6, which is never valid UTF-8 on its own).
 * A UTF-8 byte-order mark is dropped.
 */
export function decodeCable(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  }
}

export function readCableFile(path: string): string {
  try {
    return decodeCable(readFileSync(path));
  } catch (err) {
    throw new InputError(`cannot read ${path}: ${ioReason(err)}`);
  }
}

const REFERENCE_ID = /^\d{2}[A-Z]{3,17}\d{1,7}$/;

/**
 * The reference id a file name claims (`08REYKJAVIK151.txt` → `08REYKJAVIK151`), for CBL124;
 * undefined when the name does not look like one (`reykjavik-457.cable`).
 */
export function referenceIdFromPath(path: string): string | undefined {
  const name = basename(path.replace(/\\/g, '/'));
  const stem = name.slice(0, name.length - extname(name).length);
  return REFERENCE_ID.test(stem) ? stem : undefined;
}

export interface InputFile {
  /** As shown in reports: the path given, or the folder given joined with the path below it. */
  path: string;
  absolutePath: string;
}

function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

function walk(dir: string, out: InputFile[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new InputError(`cannot read ${dir}: ${ioReason(err)}`);
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
      if (!isSkippedFolder(e.name)) walk(p, out);
    } else if (isFile && CABLE_EXTENSIONS.includes(extname(e.name).toLowerCase())) {
      out.push({ path: p, absolutePath: resolve(p) });
    }
  }
}

/**
 * Expands files and folders (searched recursively for `*.cable`, `*.tel`, `*.txt`, skipping
 * `node_modules` and dot-folders) into the files to lint, in a stable order, each once.
 */
export function expandPaths(paths: readonly string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch (err) {
      throw new InputError(`cannot read ${p}: ${ioReason(err)}`);
    }
    if (stat.isDirectory()) walk(p, out);
    else out.push({ path: p, absolutePath: resolve(p) });
  }
  const seen = new Set<string>();
  return out.filter((f) => (seen.has(f.absolutePath) ? false : (seen.add(f.absolutePath), true)));
}
