/**
 * The judged sample (issue 17): findings of cable-lint on `../shared/corpus/public`, each read
 * against its cable and judged TRUE (the sent cable has that defect there), FALSE (the text is
 * fine or the message misreads it) or ARTEFACT (the publisher's doing: reflow, rewritten headers,
 * pages mixing two cables …). The verdicts are in judged-sample.tsv, keyed by cable id, rule and
 * the text the finding anchors on (never a line number or a message, which move with any edit).
 *
 * Held here: a finding judged FALSE never comes back (at any severity), and a finding judged
 * TRUE is still reported at its judged severity or above. ARTEFACT rows are kept for the figures
 * (what share of the findings are the cable's); their severity is the rule page's business, and
 * where the page attributes them to publication (PUBLICATION below) they are held at info with
 * `publication: true`.
 * Runs when ../shared/corpus/public is there; lints only the cables the table names.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { corpusAvailable, decode } from '../../scripts/corpus-figures';
import { lint } from '../../server/src/lint';

const here = dirname(fileURLToPath(import.meta.url));
const sharedCorpus = join(here, '../../../shared/corpus/public');

type Severity = 'error' | 'warning' | 'info';
type Verdict = 'TRUE' | 'FALSE' | 'ARTEFACT';
interface Judged {
  cable: string;
  rule: string;
  severity: Severity;
  anchor: string;
  verdict: Verdict;
  note: string;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * Cable and rule of the errors judged ARTEFACT that the rule pages attribute to publication
 * (issue 17, model `anotherCable`): another cable's envelope above the banner (CBL005), a banner
 * garbled at the envelope seam (CBL021), a merged release's markers (CBL032, CBL037), spliced
 * text and a Department body signed by the Secretary under a post's header (CBL091).
 */
const PUBLICATION = new Set([
  '07PARIS2725 CBL005',
  '08LAPAZ751 CBL005',
  '06MADRID779 CBL021',
  '06TELAVIV4032 CBL021',
  '08SECTION01GF02BISHIEK21 CBL021',
  '09MOSCOW1108 CBL021',
  '10BAGHDAD290 CBL021',
  '09RANGOON378 CBL032',
  '09RANGOON378 CBL037',
  '10KABUL102 CBL091',
  '09VILNIUS84 CBL091',
]);

/** What a finding anchors on, as the table writes it: blanks collapsed, at most 80 characters. */
export function anchorKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 80);
}

export function readJudged(path = join(here, 'judged-sample.tsv')): Judged[] {
  const rows: Judged[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [cable, rule, severity, anchor, verdict, note = ''] = line.split('\t');
    assert.ok(cable && rule && anchor !== undefined, `judged-sample.tsv: a row lacks its key: ${JSON.stringify(line)}`);
    assert.ok(severity === 'error' || severity === 'warning' || severity === 'info', `judged-sample.tsv: bad severity in ${JSON.stringify(line)}`);
    assert.ok(verdict === 'TRUE' || verdict === 'FALSE' || verdict === 'ARTEFACT', `judged-sample.tsv: bad verdict in ${JSON.stringify(line)}`);
    rows.push({ cable, rule, severity, anchor, verdict, note });
  }
  return rows;
}

/** The findings of one cable by key (`rule\tanchor`), their severities highest first. */
function findingsOf(cable: string, publication?: Map<string, boolean[]>): Map<string, Severity[]> {
  const text = decode(readFileSync(join(sharedCorpus, `${cable}.txt`)));
  const result = lint(text, { now: new Date('2026-01-01T00:00:00Z'), referenceId: cable });
  const byKey = new Map<string, Severity[]>();
  for (const d of result.diagnostics) {
    const key = `${d.ruleId}\t${anchorKey(text.slice(d.range.start.offset, d.range.end.offset))}`;
    byKey.set(key, [...(byKey.get(key) ?? []), d.severity]);
    publication?.set(key, [...(publication.get(key) ?? []), d.publication === true]);
  }
  for (const list of byKey.values()) list.sort((a, b) => RANK[b] - RANK[a]);
  return byKey;
}

describe('judged sample of findings on the public corpus (issue 17)', () => {
  const rows = readJudged();

  it('the table is well formed: every verdict is keyed once per finding and says why', () => {
    assert.ok(rows.length >= 100, `only ${rows.length} judged rows`);
    for (const r of rows) assert.ok(r.note.trim().length > 0, `no reason given for ${r.cable} ${r.rule} «${r.anchor}»`);
  });

  it('no finding judged FALSE comes back; every finding judged TRUE keeps its severity', (t) => {
    if (!corpusAvailable(sharedCorpus)) {
      t.skip('../shared/corpus/public is absent');
      return;
    }
    const failures: string[] = [];
    const byCable = new Map<string, Judged[]>();
    for (const r of rows) byCable.set(r.cable, [...(byCable.get(r.cable) ?? []), r]);
    for (const [cable, judged] of byCable) {
      const found = findingsOf(cable);
      const byKey = new Map<string, Judged[]>();
      for (const r of judged) {
        const key = `${r.rule}\t${r.anchor}`;
        byKey.set(key, [...(byKey.get(key) ?? []), r]);
      }
      for (const [key, list] of byKey) {
        const severities = found.get(key) ?? [];
        const [rule, anchor] = key.split('\t');
        // The TRUE findings of the key, highest first, each against one finding still reported.
        const truths = list.filter((r) => r.verdict === 'TRUE').sort((a, b) => RANK[b.severity] - RANK[a.severity]);
        truths.forEach((r, i) => {
          const now = severities[i];
          if (now === undefined) failures.push(`${cable} ${rule} «${anchor}»: judged TRUE (${r.note}), no longer reported`);
          else if (RANK[now] < RANK[r.severity]) failures.push(`${cable} ${rule} «${anchor}»: judged TRUE at ${r.severity} (${r.note}), now ${now}`);
        });
        // A key judged FALSE may keep only the findings judged otherwise.
        const falses = list.filter((r) => r.verdict === 'FALSE');
        if (falses.length > 0 && severities.length > list.length - falses.length) {
          failures.push(`${cable} ${rule} «${anchor}»: judged FALSE (${falses[0]!.note}), reported again (${severities.join(', ')})`);
        }
      }
    }
    assert.deepEqual(failures, [], `the judged sample moved:\n${failures.join('\n')}`);
  });

  it("the errors judged ARTEFACT that the rule pages attribute to publication are infos marked publication: true", (t) => {
    if (!corpusAvailable(sharedCorpus)) {
      t.skip('../shared/corpus/public is absent');
      return;
    }
    const attributed = rows.filter((r) => r.verdict === 'ARTEFACT' && PUBLICATION.has(`${r.cable} ${r.rule}`));
    assert.equal(new Set(attributed.map((r) => `${r.cable} ${r.rule}`)).size, PUBLICATION.size, 'every PUBLICATION entry names judged rows');
    const failures: string[] = [];
    for (const cable of new Set(attributed.map((r) => r.cable))) {
      const publication = new Map<string, boolean[]>();
      const found = findingsOf(cable, publication);
      for (const r of attributed.filter((x) => x.cable === cable)) {
        const key = `${r.rule}\t${r.anchor}`;
        const severities = found.get(key) ?? [];
        if (!severities.length) failures.push(`${cable} ${r.rule} «${r.anchor}»: no longer reported (expected info, publication)`);
        else if (severities.some((s) => s !== 'info') || (publication.get(key) ?? []).some((p) => !p)) {
          failures.push(`${cable} ${r.rule} «${r.anchor}»: ${severities.join(', ')}, publication ${publication.get(key)!.join(', ')}`);
        }
      }
    }
    assert.deepEqual(failures, [], `the publisher's findings moved:\n${failures.join('\n')}`);
  });
});
