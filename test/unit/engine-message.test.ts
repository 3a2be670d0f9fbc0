/** What a diagnostic may say (server/src/engine/message.ts): one printable line per message and fix title. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { printableDiagnostic } from '../../server/src/engine/message';
import type { Diagnostic } from '../../server/src/engine/types';

const at = { start: { offset: 0, line: 0, character: 0 }, end: { offset: 3, line: 0, character: 3 } };

function diagnostic(parts: Partial<Diagnostic>): Diagnostic {
  return { ruleId: 'CBL104', ruleName: 'note-unclosed', severity: 'warning', message: 'm', range: at, ...parts };
}

describe('engine: printable diagnostics', () => {
  it('makes the message, each related message and each fix title one printable line', () => {
    const d = printableDiagnostic(
      diagnostic({
        message: 'END\nNOTE \u001b[2J',
        related: [{ range: at, message: 'opened\there' }, { range: at, message: 'plain' }],
        fixes: [
          { title: 'Write END\r\nNOTE', edits: [{ range: at, newText: 'END NOTE' }], safe: true },
          { title: 'Remove it', edits: [{ range: at, newText: '' }], safe: false },
        ],
      }),
    );
    assert.equal(d.message, 'END NOTE U+001B[2J');
    assert.deepEqual(d.related!.map((r) => r.message), ['opened here', 'plain']);
    assert.deepEqual(d.fixes!.map((f) => f.title), ['Write END NOTE', 'Remove it']);
    assert.deepEqual(d.fixes![0]!.edits, [{ range: at, newText: 'END NOTE' }], 'the edits are kept as they are');
  });

  it('keeps lists with nothing to rewrite as they are: no copy per diagnostic', () => {
    const related = [{ range: at, message: 'opened here' }];
    const fixes = [{ title: 'Remove it', edits: [{ range: at, newText: '' }], safe: true }];
    const d = printableDiagnostic(diagnostic({ related, fixes }));
    assert.equal(d.related, related);
    assert.equal(d.fixes, fixes);
  });
});
