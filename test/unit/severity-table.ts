/**
 * Each rule's severity in each profile, written by hand from the format spec (section 3 and the
 * profile table of 4.1) and the rule pages: not generated from the rules' metadata, so a severity
 * changed in the code fails severity-table.test.ts (and the SARIF levels of cli-sarif.test.ts) until
 * someone decides the spec changed too (issue 13).
 *
 * Where the code follows a rule page rather than the spec, the row says so:
 * - CBL036: the spec gives `warning` in every profile; the page records that a marker missing from
 *   the sequence of a published copy is `info` there (truncated and redacted releases, spec 4.4).
 */

export type Sev = 'error' | 'warning' | 'info' | 'off';
export type Profile = 'transmitted' | 'draft' | 'published';
export const PROFILES: Profile[] = ['transmitted', 'draft', 'published'];

/** [transmitted, draft, published]: the severity a rule emits by default. */
const E: [Sev, Sev, Sev] = ['error', 'error', 'error'];
const W: [Sev, Sev, Sev] = ['warning', 'warning', 'warning'];
const I: [Sev, Sev, Sev] = ['info', 'info', 'info'];
const OFF: [Sev, Sev, Sev] = ['off', 'off', 'off'];
/** Envelope rules: silent in a draft, which has no envelope (spec 4.1). */
const ENVELOPE_E: [Sev, Sev, Sev] = ['error', 'off', 'error'];
const ENVELOPE_W: [Sev, Sev, Sev] = ['warning', 'off', 'warning'];
/** A missing header element of a published copy is info (spec 4.1). */
const MISSING_ON_PUBLISHED: [Sev, Sev, Sev] = ['error', 'error', 'info'];

export const TABLE: Record<string, [Sev, Sev, Sev]> = {
  CBL000: E,
  CBL001: ENVELOPE_E,
  CBL002: ENVELOPE_W,
  CBL003: ENVELOPE_E,
  CBL004: ENVELOPE_E,
  CBL005: ENVELOPE_E,
  CBL006: ENVELOPE_E,
  CBL007: ENVELOPE_W,
  CBL008: ENVELOPE_W,
  CBL009: ENVELOPE_W,
  CBL010: ENVELOPE_E,
  CBL011: ENVELOPE_W,
  CBL020: MISSING_ON_PUBLISHED,
  CBL021: E,
  CBL022: OFF, // info once turned on
  CBL023: W,
  CBL024: I,
  CBL025: I,
  CBL026: W,
  CBL027: E,
  CBL030: E,
  CBL031: E,
  CBL032: E,
  CBL033: I,
  CBL035: W,
  CBL036: W,
  CBL037: E,
  CBL040: MISSING_ON_PUBLISHED,
  CBL041: W,
  CBL042: E,
  CBL043: E,
  CBL044: E,
  CBL045: W,
  CBL046: MISSING_ON_PUBLISHED,
  CBL047: W,
  CBL048: W,
  CBL049: ['warning', 'warning', 'info'], // a revoked order on a published copy is history, not a defect
  CBL050: W,
  CBL060: MISSING_ON_PUBLISHED,
  CBL061: W,
  CBL062: W,
  CBL063: W,
  CBL064: W,
  CBL065: ['warning', 'warning', 'info'],
  CBL070: MISSING_ON_PUBLISHED,
  CBL071: I,
  CBL075: W,
  CBL076: W,
  CBL080: ['error', 'error', 'warning'],
  CBL081: ['warning', 'warning', 'info'],
  CBL082: ['warning', 'warning', 'info'],
  CBL083: I,
  CBL084: W,
  CBL085: W,
  CBL086: I,
  CBL087: W,
  CBL090: ['error', 'error', 'warning'],
  CBL091: E,
  CBL092: W,
  CBL093: I,
  CBL100: W,
  CBL101: I,
  CBL102: W,
  CBL103: OFF, // info once turned on
  CBL104: W,
  CBL110: ['warning', 'warning', 'off'],
  CBL112: ['warning', 'off', 'off'],
  CBL120: ['info', 'info', 'off'],
  CBL121: OFF, // info once turned on; off in published even then (spec 4.1)
  CBL122: I,
  CBL123: ['info', 'info', 'off'],
  CBL124: I,
};

/** The severity a rule that is off by default takes when a setting turns it on without naming one elsewhere. */
export const WHEN_TURNED_ON: Record<string, Sev> = { CBL022: 'info', CBL103: 'info', CBL121: 'info' };

/** Second severities some rules give to a milder case (spec section 3), per profile. */
export const MILDER: Record<string, [Sev, Sev, Sev]> = {
  CBL023: I, // an unknown caption
  CBL032: ['warning', 'warning', 'info'], // a missing section (beyond the total: error)
  CBL036: ['warning', 'warning', 'info'], // a missing marker; see the note at the top
  CBL046: ['warning', 'warning', 'info'], // the old numbered `¶1. (U) CLASSIFIED BY` form
  CBL047: I, // `1.5` on a cable from 25 March 2003 on
  CBL050: I, // REF and Classified By swapped
  CBL064: I, // a repeated tag (run-together codes: warning)
  CBL076: I, // a letter cited against an unlettered single reference
  CBL112: ['info', 'off', 'off'], // a missing NNNN
};
