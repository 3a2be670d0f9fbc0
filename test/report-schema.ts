/**
 * The published JSON Schema of the report (schemas/cable-lint-report.schema.json), compiled once:
 * every report a test produces (through the Node API, `--format json` or `--format ndjson`, and
 * the corpus figures) goes through `assertValidReport`; test/unit/report-schema.test.ts checks
 * that each test that produces one does.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

const SCHEMA_URL = new URL('../schemas/cable-lint-report.schema.json', import.meta.url);
let validate: ValidateFunction | undefined;
let validateFile: ValidateFunction | undefined;

function compiled(): { report: ValidateFunction; file: ValidateFunction } {
  if (!validate || !validateFile) {
    const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8'));
    const ajv = new Ajv({ strict: true, allErrors: true });
    ajv.addSchema(schema, 'report');
    validate = ajv.getSchema('report')!;
    validateFile = ajv.compile({ $ref: 'report#/definitions/fileReport' });
  }
  return { report: validate, file: validateFile };
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 8)
    .map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`)
    .join('\n');
}

/** Fails the test unless `value` is a whole report (`--format json`, lintText, lintFiles) the schema accepts. */
export function assertValidReport(value: unknown, where = 'report'): void {
  const { report } = compiled();
  assert.ok(report(value), `${where} does not validate against schemas/cable-lint-report.schema.json:\n${describeErrors(report.errors)}`);
}

/** Fails the test unless `value` is one file report (a line of `--format ndjson`) the schema accepts. */
export function assertValidFileReport(value: unknown, where = 'file report'): void {
  const { file } = compiled();
  assert.ok(file(value), `${where} does not validate against the schema's fileReport:\n${describeErrors(file.errors)}`);
}

/** Whether a report validates, without failing (for the corpus figures, which count). */
export function reportErrors(value: unknown): string | undefined {
  const { report } = compiled();
  return report(value) ? undefined : describeErrors(report.errors);
}
