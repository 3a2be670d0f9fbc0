/**
 * The report cable-lint prints with `--format json` and the Node API returns: its records (one
 * file, one diagnostic, the facts of a cable) and how a lint result becomes one. Plain data from
 * the linter's result, no I/O: the Node API (api.ts) and the CLI share it.
 */
import type { Cable, ClassificationLevel, Profile } from '../../../grammar/src/ast';
import { cableDate } from '../engine/facts';
import { modelOf } from '../model/index';
import type { IndexTagKind, ReferenceKind } from '../model/index';
import type { Diagnostic, Severity, SeveritySetting } from '../engine/types';
import type { LintResult } from '../lint';

/**
 * Version of the report format; bumped only when a field changes meaning or disappears. Version 2
 * changed `cable.tags` and `cable.subject` to the index form (the version-1 values are
 * `tagsAsWritten` and `subjectAsWritten`) and added the rest of the cable. The JSON Schema is
 * `schemas/cable-lint-report.schema.json`.
 */
export const REPORT_VERSION = 2;

export type { IndexTagKind, ReferenceKind };

/** A TAGS entry with what it means on the cable's day. */
export interface TagRecord {
  code: string;
  /** `geographic`, `subject`, `program`, `organization`, `personal`, `other` (free words), `unknown` (a code no table knows). */
  kind: IndexTagKind;
  /** The meaning on the cable's day (the current one for an undated draft); null when no source gives one. */
  meaning: string | null;
  /** How far to trust the meaning: `official` (a State TAGS handbook), `secondary`, `fips`, `acronym`, `unverified`, `inferred`. */
  trust: string | null;
}

/** One REF item (one per cable when an item cites several). */
export interface ReferenceRecord {
  /** The item's letter as written (`A`), or null for an unlettered reference. */
  letter: string | null;
  /** The item as written. */
  text: string;
  kind: ReferenceKind;
  /** The cited cable's reference id as the archives write it (`07STATE202745`); null when not a cable or the year is unknown. */
  id: string | null;
  /** The id's year is the citing cable's, not written in the reference. */
  yearInferred: boolean;
}

/** One addressee line of the envelope: `RUEHC/SECSTATE WASHDC PRIORITY 0872`. */
export interface AddresseeRecord {
  /** Routing indicator (`RUEHC`); null when the line has none. */
  route: string | null;
  /** The PLAD (`SECSTATE WASHDC`). */
  name: string;
  precedence: string | null;
  /** Message serial as written (`0872`). */
  serial: string | null;
  /** An `XMT` line: every member of the collective but this one. */
  excluded: boolean;
}

export interface ClassifiedByRecord {
  /** The line as written, keyword included, blanks joined. */
  text: string;
  /** The classifying official; null when the line names none. */
  authority: string | null;
  /** `["1.4(b)", "1.4(d)"]`. */
  reasons: string[];
}

export interface ParagraphRecord {
  number: number;
  /** As written (`(C)`), or null. */
  portionMark: string | null;
  /** 1-based line of its number. */
  line: number;
}

/** What the cable says about itself, read from its text (never from the file name). */
export interface CableFacts {
  /** Reference id from the text (`08REYKJAVIK457`): DTG year, post, serial. Null without a date or banner. */
  id: string | null;
  /** Post as written in reference ids (`REYKJAVIK`, `STATE` for `SECSTATE WASHDC`); null without a banner. */
  post: string | null;
  /** Banner serial without leading zeros; null without a banner. */
  serial: number | null;
  /** Cable date (DTG, or a DTG-form wrapper date) as ISO 8601 to the minute, `2008-05-14T15:30Z`. */
  date: string | null;
  /** Banner classification in words (`CONFIDENTIAL`, `UNCLASSIFIED`); null without a banner. */
  classification: ClassificationLevel | null;
  /** Captions (`SIPDIS`, `NOFORN` …) in document order, each once. */
  captions: string[];
  /**
   * The TAGS as an index lists them: upper case, each once, in order, a personal or multi-word tag
   * as one entry (`CLINTON, HILLARY`, `HUMAN RIGHTS`), run-together codes split, continuation lines
   * included.
   */
  tags: string[];
  /** Every token on the TAGS line(s) as written, in order (version 1's `tags`). */
  tagsAsWritten: string[];
  /** `tags` with kind, meaning and trust. */
  tagsDetail: TagRecord[];
  /** The subject text alone: no portion mark, character references decoded, wrapped lines joined by one space; null without one. */
  subject: string | null;
  /** SUBJECT text as written with wrapped lines joined (version 1's `subject`). */
  subjectAsWritten: string | null;
  /** Section total from the banner (`SECTION 01 OF 02` → 2); 1 without a section marker. */
  sections: number;
  /** Numbered paragraphs (wrapped lines that merely start with `N. ` are not counted). */
  paragraphs: number;
  /** An ACP-127 envelope (routing header) is present. */
  routingHeader: boolean;
  /** The REF items. */
  references: ReferenceRecord[];
  /** TO addressees of the envelope. */
  to: AddresseeRecord[];
  /** INFO addressees of the envelope (an `XMT` line kept, marked excluded). */
  info: AddresseeRecord[];
  classifiedBy: ClassifiedByRecord | null;
  /** The DECL value: an ISO date (`2018-05-12`), or the code or event as written; null without one. */
  declassifyOn: string | null;
  /** The executive order the E.O. line cites (`12958`); null without one. */
  eo: string | null;
  /** The text between the summary opener and `END SUMMARY` (or the opener's paragraph), without the markers. */
  summaryText: string | null;
  /** The signing surname(s), upper case. */
  signers: string[];
  /** The numbered paragraphs (`paragraphs` is their count). */
  paragraphList: ParagraphRecord[];
}

/** A place in a file: lines and columns are 1-based, columns count UTF-16 code units, the end is exclusive. */
export interface SpanRecord {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A second place a diagnostic points at ("paragraph 3 is here"). */
export interface RelatedRecord extends SpanRecord {
  message: string;
}

/** One fix a rule offers, as text edits on the linted text. */
export interface FixRecord {
  title: string;
  /** Applied by `--fix` (unsafe fixes are guesses the editor offers but `--fix` leaves alone). */
  safe: boolean;
  edits: Array<SpanRecord & { newText: string }>;
}

/** One diagnostic; lines and columns are 1-based, columns count UTF-16 code units, the end is exclusive. */
export interface DiagnosticRecord {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The diagnostic carries at least one quick fix. */
  fixable: boolean;
  /**
   * Present (true) on a finding the rule's page attributes to publication rather than to the
   * cable (the published profile only): such a finding is at most info unless the rule's severity
   * was set, and `--hide-publication` leaves it out.
   */
  publication?: true;
  /** Other places the diagnostic points at; only with `details` (SARIF output). */
  related?: RelatedRecord[];
  /** The fixes themselves; only with `details` (SARIF output). */
  fixes?: FixRecord[];
}

/**
 * One file's findings, with the cable's facts only when they were asked for: the formats that do
 * not print them (stylish, SARIF, GitHub, JUnit) do not pay for reading them.
 */
export interface FileFindings {
  /** The path as given (or found under a given folder); `<stdin>`/`<text>` for unnamed input. */
  path: string;
  /** The profile the rules ran under (detected, or forced by a setting). */
  profile: Profile;
  cable?: CableFacts;
  diagnostics: DiagnosticRecord[];
}

export interface FileReport extends FileFindings {
  cable: CableFacts;
}

export interface ReportSummary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** A run's findings, each file's facts only when asked for (what the formats without them read). */
export interface FindingsReport<F extends FileFindings = FileFindings> {
  version: typeof REPORT_VERSION;
  files: F[];
  summary: ReportSummary;
}

/** The whole result, exactly what `cable-lint --format json` prints. */
export type LintReport = FindingsReport<FileReport>;

/** One rule of the catalogue, as `cable-lint --print-rules --format json` lists it. */
export interface RuleRecord {
  id: string;
  name: string;
  defaultSeverity: Severity;
  /** What the rule emits by default under each profile (`off` when silent there). */
  profiles: Record<Profile, SeveritySetting>;
  fixable: boolean;
  enabledByDefault: boolean;
  description: string;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function documentCaptions(cable: Cable): string[] {
  const found: Array<[offset: number, name: string]> = [];
  if (cable.banner) for (const n of cable.banner.gluedCaptions) found.push([cable.banner.range.start.offset, n]);
  for (const c of cable.captions) for (const n of c.names) found.push([c.range.start.offset, n]);
  found.sort((a, b) => a[0] - b[0]);
  return [...new Set(found.map(([, n]) => n))];
}

/** The `cable` object of a file report. */
export function cableFacts(cable: Cable): CableFacts {
  const date = cableDate(cable);
  const banner = cable.banner;
  const model = modelOf(cable);
  const addressee = (a: { route: string | null; name: string; precedence: string | null; serial: string | null; excluded: boolean }): AddresseeRecord => ({
    route: a.route,
    name: a.name,
    precedence: a.precedence,
    serial: a.serial,
    excluded: a.excluded,
  });
  const cb = model.authority.classifiedBy;
  const identity = model.identity;
  return {
    id: identity.id,
    post: identity.post,
    serial: identity.serial,
    date: date ? `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}T${pad2(date.hour)}:${pad2(date.minute)}Z` : null,
    classification: identity.classification,
    captions: documentCaptions(cable),
    tags: [...model.tagList.codes],
    tagsAsWritten: [...model.tagList.asWritten],
    tagsDetail: model.tagList.index.map((t) => ({ code: t.code, kind: t.kind, meaning: t.meaning, trust: t.trust })),
    subject: model.subject.text,
    subjectAsWritten: model.subject.asWritten,
    sections: banner?.section?.total ?? 1,
    paragraphs: model.numbering.numbered.length,
    routingHeader: cable.envelope !== undefined,
    references: model.citedCables.map((r) => ({ letter: r.letter, text: r.text, kind: r.kind, id: r.id, yearInferred: r.yearInferred })),
    to: model.addressees.to.map(addressee),
    info: model.addressees.info.map(addressee),
    classifiedBy: cb ? { text: cb.text, authority: cb.authority, reasons: [...cb.reasons] } : null,
    declassifyOn: model.authority.declassifyOn,
    eo: model.authority.eo,
    summaryText: model.summary.text,
    signers: [...model.signers],
    paragraphList: model.numbering.numbered.map((p) => ({ number: p.number, portionMark: p.portionMark?.text ?? null, line: p.range.start.line + 1 })),
  };
}

function span(r: Diagnostic['range']): SpanRecord {
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** `details` adds related locations and the fixes' edits. */
export function diagnosticRecord(d: Diagnostic, details = false): DiagnosticRecord {
  const record: DiagnosticRecord = {
    ruleId: d.ruleId,
    ruleName: d.ruleName,
    severity: d.severity,
    message: d.message,
    ...span(d.range),
    fixable: (d.fixes?.length ?? 0) > 0,
  };
  if (d.publication) record.publication = true;
  if (details) {
    if (d.related?.length) record.related = d.related.map((r) => ({ message: r.message, ...span(r.range) }));
    if (d.fixes?.length) {
      record.fixes = d.fixes.map((f) => ({ title: f.title, safe: f.safe, edits: f.edits.map((e) => ({ ...span(e.range), newText: e.newText })) }));
    }
  }
  return record;
}

/** One file's report from a lint result; `details` adds related locations and fix edits. */
export function fileReport(path: string, result: LintResult, details: boolean): FileReport {
  return {
    path,
    profile: result.profile,
    cable: cableFacts(result.cable),
    diagnostics: result.diagnostics.map((d) => diagnosticRecord(d, details)),
  };
}

/** One file's findings without the cable's facts (reading them is a tenth of full validation). */
export function fileFindings(path: string, result: LintResult, details: boolean): FileFindings {
  return { path, profile: result.profile, diagnostics: result.diagnostics.map((d) => diagnosticRecord(d, details)) };
}

export function buildReport<F extends FileFindings>(files: F[]): FindingsReport<F> {
  const summary: ReportSummary = { files: files.length, errors: 0, warnings: 0, infos: 0 };
  for (const f of files) {
    for (const d of f.diagnostics) {
      if (d.severity === 'error') summary.errors++;
      else if (d.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return { version: REPORT_VERSION, files, summary };
}
