/**
 * One file through the engine, the same way on the main thread and in a worker: read it, lint it
 * (or fix it) under the run's settings. Everything here is plain data in and out, so a worker
 * can be handed the settings and a slice of the files.
 */
import type { Profile } from '../../../grammar/src/ast';
import { fixSource, lintSource, type FileFindings, type FixOutcome, type LintSession, type LintSource } from '../api';
import { decodeCableWithEncoding, looksBinary, type CableEncoding } from '../host/decode';
import { ConfigResolver } from '../host/node/config-files';
import { fileStamp, readBytes, type InputFile } from '../host/node/files';
import type { SeveritySetting } from '../engine/types';
import type { FixMode } from './args';

/** A file named or found that is not linted, and why (the CLI says so on stderr). */
export interface SkippedFile {
  skipped: 'binary';
  path: string;
}

/** The settings of a run, as plain data (what a worker thread is started with). */
export interface RunSpec {
  config?: string;
  rules: Record<string, SeveritySetting>;
  profile?: Profile;
  referenceId?: string;
  /** ISO time: "today" for drafts without a DTG, one value for the whole run. */
  now: string;
  /** Related locations and fix edits on diagnostics (SARIF). */
  details: boolean;
  /** The cable's facts in each report: only the formats that print them (json, ndjson) ask. */
  facts: boolean;
  fix: FixMode;
  fixUnsafe: boolean;
  /** `--hide-publication`: leave out the findings attributed to publication. */
  hidePublication?: boolean;
}

export interface FileOutcome {
  report: FileFindings;
  /** Present when fixing. `output` is kept only when the text changed. */
  fix?: Omit<FixOutcome, 'output'> & { output?: string };
  /** How the file was read (files only), for writing fixes back. */
  read?: CableEncoding & { mtimeMs: number; size: number };
}

export function sessionFor(spec: RunSpec): LintSession {
  return {
    resolver: new ConfigResolver(spec.config),
    rules: spec.rules,
    now: new Date(spec.now),
    ...(spec.profile ? { profile: spec.profile } : {}),
    ...(spec.referenceId !== undefined ? { referenceId: spec.referenceId } : {}),
    ...(spec.hidePublication ? { hidePublication: true } : {}),
  };
}

export function processSource(source: LintSource, session: LintSession, spec: RunSpec): FileOutcome {
  const details = { details: spec.details, facts: spec.facts };
  if (spec.fix === 'none') return { report: lintSource(source, session, details) };
  const { report, fix } = fixSource(source, session, { unsafe: spec.fixUnsafe, ...details });
  const { output, ...rest } = fix;
  return { report, fix: fix.changed ? { ...rest, output } : rest };
}

export function processFile(file: InputFile, session: LintSession, spec: RunSpec): FileOutcome | SkippedFile {
  // Stamped before the read: a change after it shows as a different stamp when writing back.
  const mtimeMs = spec.fix === 'write' ? (fileStamp(file.path)?.mtimeMs ?? 0) : 0;
  const bytes = readBytes(file.path);
  if (looksBinary(bytes)) return { skipped: 'binary', path: file.path };
  const { text, encoding, bom } = decodeCableWithEncoding(bytes);
  const outcome = processSource({ text, path: file.path, absolutePath: file.absolutePath }, session, spec);
  if (spec.fix === 'write') outcome.read = { encoding, bom, mtimeMs, size: bytes.length };
  return outcome;
}
