/**
 * One lint of one document version, as plain data in and out: the same code runs in place, in
 * the Node server's lint worker thread (lint-worker.ts) and in the web server, which has none.
 */
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Profile } from '../../../grammar/src/ast';
import { parseCable } from '../../../grammar/src/index';
import { lintUnder, type LintSettings } from '../config/lint-settings';
import type { Diagnostic } from '../engine/types';
import { toLspDiagnostic } from './convert';

/** One document version to lint, as plain data (what a worker is handed). */
export interface LintJob {
  uri: string;
  version: number;
  text: string;
  /** Composed once, as for the CLI and the Node API (config/lint-settings.ts). */
  settings: LintSettings;
  /** ISO time: "today" for drafts without a DTG. */
  now: string;
  /** Where diagnostics link their rule's page (convert.ts's ruleDocUri). */
  docsBase: string;
}

export interface LintOutcome {
  profile: Profile;
  diagnostics: Diagnostic[];
  lsp: LspDiagnostic[];
}

/** The whole lint of one version: the same code in place and in the worker. */
export function runLintJob(job: LintJob): LintOutcome {
  const cable = parseCable(job.text);
  return lintParsed(cable, job);
}

export function lintParsed(cable: ReturnType<typeof parseCable>, job: Omit<LintJob, 'text'>): LintOutcome {
  const { profile, diagnostics } = lintUnder(cable, job.settings, new Date(job.now));
  return { profile, diagnostics, lsp: diagnostics.map((d) => toLspDiagnostic(d, job.uri, job.version, job.docsBase)) };
}

/**
 * Linting off the request path, where the platform has a way (the Node server's worker thread).
 * The web server has none: there every document is linted in place, in the server's own web
 * worker, so the editor never waits on it, but a request to the server waits behind a large lint.
 */
export interface OffThreadLinting {
  /** Whether a document this long goes off-thread. */
  wants(length: number): boolean;
  /** Resolves with the outcome, or undefined when the job was cancelled first. */
  lint(job: LintJob): Promise<LintOutcome | undefined>;
  /** Drops queued and running jobs of a document. */
  cancel(uri: string): void;
  dispose(): void;
}
