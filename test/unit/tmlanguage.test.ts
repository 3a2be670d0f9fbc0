/**
 * The TextMate grammar (syntaxes/cable.tmLanguage.json): every regex compiles, every include
 * resolves, and sample lines of each construct get their scopes. VS Code runs the grammar with
 * Oniguruma; the checks here use JavaScript regexes, which agree with Oniguruma on the syntax the
 * grammar uses. `(?i:…)` groups (Oniguruma-only in Node 20) are read as case-insensitive
 * patterns; a pattern with other Oniguruma-only syntax is skipped by the compile check.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

interface Capture {
  name?: string;
  patterns?: Rule[];
}
interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  captures?: Record<string, Capture>;
  beginCaptures?: Record<string, Capture>;
  patterns?: Rule[];
  contentName?: string;
}
interface Grammar extends Rule {
  scopeName: string;
  repository: Record<string, Rule>;
}

const grammar: Grammar = JSON.parse(readFileSync(join(import.meta.dirname ?? '.', '..', '..', 'syntaxes', 'cable.tmLanguage.json'), 'utf8'));

const ONIGURUMA_ONLY = /\\[GAzZhH]|\(\?[>~]|\(\?x\)|[*+?}]\+/;

function toJs(source: string): RegExp | undefined {
  if (ONIGURUMA_ONLY.test(source)) return undefined;
  const insensitive = source.includes('(?i:');
  return new RegExp(source.replaceAll('(?i:', '(?:'), insensitive ? 'di' : 'd');
}

function* allRules(rule: Rule): Generator<Rule> {
  yield rule;
  for (const p of rule.patterns ?? []) yield* allRules(p);
  for (const c of [...Object.values(rule.captures ?? {}), ...Object.values(rule.beginCaptures ?? {})]) {
    for (const p of c.patterns ?? []) yield* allRules(p);
  }
}

const everyRule = [...allRules(grammar), ...Object.values(grammar.repository).flatMap((r) => [...allRules(r)])];

function resolve(rule: Rule): Rule[] {
  if (!rule.include) return [rule];
  const target = grammar.repository[rule.include.replace(/^#/, '')];
  assert.ok(target, `unresolved include ${rule.include}`);
  return target.match || target.begin ? [target] : (target.patterns ?? []).flatMap(resolve);
}

/** A one-line TextMate reading: at each point the earliest match wins, ties go to the first rule. */
function scopesOn(line: string, rules: Rule[] = grammar.patterns ?? []): [scope: string, text: string][] {
  const flat = rules.flatMap(resolve);
  const out: [string, string][] = [];
  let at = 0;
  while (at <= line.length) {
    let best: { m: RegExpExecArray; rule: Rule } | undefined;
    for (const rule of flat) {
      const re = toJs(rule.match ?? rule.begin ?? '');
      if (!re) continue;
      const sticky = new RegExp(re.source, re.flags + 'g');
      sticky.lastIndex = at;
      const m = sticky.exec(line);
      if (m && (!best || m.index < best.m.index)) best = { m, rule };
    }
    if (!best || best.m[0].length === 0) break;
    const { m, rule } = best;
    if (rule.name) out.push([rule.name, m[0]]);
    for (const [group, capture] of Object.entries(rule.captures ?? rule.beginCaptures ?? {})) {
      const text = m[Number(group)];
      if (text === undefined) continue;
      if (capture.name) out.push([capture.name, text]);
      if (capture.patterns) out.push(...scopesOn(text, capture.patterns));
    }
    // Inside a begin/end region the rest of the line is the region's content.
    if (rule.begin && rule.patterns) out.push(...scopesOn(line.slice(m.index + m[0].length), rule.patterns));
    at = rule.begin ? line.length + 1 : m.index + m[0].length;
  }
  return out;
}

const has = (line: string, scope: string, text: string) =>
  assert.ok(
    scopesOn(line).some(([s, t]) => s === scope && t === text),
    `${scope} = ${JSON.stringify(text)} in ${JSON.stringify(line)}: ${JSON.stringify(scopesOn(line))}`,
  );
const hasNot = (line: string, scope: string) =>
  assert.ok(!scopesOn(line).some(([s]) => s === scope), `${scope} must not apply to ${JSON.stringify(line)}`);

describe('syntaxes/cable.tmLanguage.json', () => {
  it('is the text.cable grammar', () => {
    assert.equal(grammar.scopeName, 'text.cable');
    assert.ok((grammar.patterns ?? []).length > 0);
  });

  it('compiles every regex and resolves every include', () => {
    let compiled = 0;
    for (const rule of everyRule) {
      for (const source of [rule.match, rule.begin, rule.end]) {
        if (source === undefined) continue;
        const re = toJs(source);
        if (re) compiled++;
      }
      if (rule.include) resolve(rule);
      assert.ok(!rule.begin || rule.end, `begin without end: ${rule.begin}`);
    }
    assert.ok(compiled > 30, `${compiled} regexes checked`);
  });

  it('scopes the envelope', () => {
    has('VZCZCXRO4570', 'keyword.control.envelope.transmission-id.cable', 'VZCZC');
    has('PP RUEHCP RUEHNY RUEHSM', 'keyword.other.precedence.cable', 'PP');
    has('PP RUEHCP RUEHNY RUEHSM', 'entity.name.routing-indicator.cable', 'RUEHSM');
    has('DE RUEHRK #0457/01 1351530', 'keyword.other.envelope.de.cable', 'DE');
    has('DE RUEHRK #0457/01 1351530', 'constant.numeric.station-serial.cable', '#0457');
    has('DE RUEHRK #0457/01 1351530', 'constant.numeric.date.julian.cable', '1351530');
    has('ZNY CCCCC ZZH', 'keyword.other.envelope.security.cable', 'ZNY');
    has('ZNY CCCCC ZZH', 'constant.language.security-code.cable', 'CCCCC');
    has('P 141530Z MAY 08', 'constant.numeric.date.dtg.cable', '141530Z MAY 08');
    has('O R 151234Z FEB 09 ZDK', 'keyword.other.envelope.operating-signal.cable', ' ZDK');
    has('FM AMEMBASSY REYKJAVIK', 'keyword.other.envelope.addressee.cable', 'FM');
    has('TO RUEHC/SECSTATE WASHDC PRIORITY 3101', 'entity.name.routing-indicator.cable', 'RUEHC');
    has('TO RUEHC/SECSTATE WASHDC PRIORITY 3101', 'keyword.other.precedence.cable', 'PRIORITY');
    has('TO RUEHC/SECSTATE WASHDC PRIORITY 3101', 'constant.numeric.sequence.cable', '3101');
    has('INFO RUEHCP/AMEMBASSY COPENHAGEN PRIORITY 0412', 'keyword.other.envelope.addressee.cable', 'INFO');
    has('RUEHSM/AMEMBASSY STOCKHOLM 0377', 'entity.name.plad.cable', 'AMEMBASSY STOCKHOLM');
    has('XMT AMCONSUL JOHANNESBURG', 'keyword.other.envelope.addressee.cable', 'XMT');
    has('RUEHLN RUEHVK RUEHYG', 'entity.name.routing-indicator.cable', 'RUEHVK');
    hasNot('ROBERTS', 'entity.name.routing-indicator.cable');
  });

  it('scopes banners and captions', () => {
    const banner = 'C O N F I D E N T I A L SECTION 01 OF 02 REYKJAVIK 000457';
    has(banner, 'keyword.other.classification.cable', 'C O N F I D E N T I A L');
    has(banner, 'keyword.other.section.cable', 'SECTION');
    has(banner, 'constant.numeric.section.cable', '02');
    has(banner, 'entity.name.post.cable', 'REYKJAVIK');
    has(banner, 'constant.numeric.serial.cable', '000457');
    has('UNCLAS DUSHANBE 000050 SIPDIS', 'keyword.other.caption.cable', 'SIPDIS');
    has('S E C R E T SKOPJE 000455', 'keyword.other.classification.cable', 'S E C R E T');
    has('SENSITIVE, SIPDIS', 'keyword.other.caption.cable', 'SENSITIVE');
    has('NOFORN', 'keyword.other.caption.cable', 'NOFORN');
  });

  it('scopes the header fields', () => {
    has('E.O. 12958: DECL: 05/14/2018', 'keyword.other.field.eo.cable', 'E.O.');
    has('E.O. 12958: DECL: 05/14/2018', 'constant.numeric.executive-order.cable', '12958');
    has('E.O. 12958: DECL: 05/14/2018', 'constant.numeric.date.cable', '05/14/2018');
    has('E.O. 13526: N/A', 'constant.language.not-applicable.cable', 'N/A');
    has('E.O. 12958: DECL: 25X1-HUMAN', 'constant.language.declassification-code.cable', '25X1-HUMAN');
    has('TAGS: PREL ENRG EINV IC DA NO', 'keyword.other.field.tags.cable', 'TAGS');
    has('TAGS: PREL ENRG EINV IC DA NO', 'entity.name.tag.subject.cable', 'ENRG');
    has('TAGS: PREL ENRG EINV IC DA NO', 'entity.name.tag.geographic.cable', 'IC');
    has('TAGS: KCRM PHUM KWMN SMIG', 'entity.name.tag.program.cable', 'KCRM');
    has('SUBJECT: ICELAND: GEOTHERMAL EXPORT PLAN', 'keyword.other.field.subject.cable', 'SUBJECT');
    has('REF: A. REYKJAVIK 412', 'keyword.other.field.ref.cable', 'REF');
    has('REF: A. REYKJAVIK 412', 'constant.other.reference-letter.cable', 'A.');
    has('Classified By: Ambassador Jane Q. Example for reasons 1.4 (b)', 'keyword.other.field.classified-by.cable', 'Classified By');
    has('Classified By: Ambassador Jane Q. Example for reasons 1.4 (b)', 'constant.numeric.reason-section.cable', '1.4');
    has('Classified By: Ambassador Jane Q. Example for reasons 1.4 (b)', 'constant.character.reason-letter.cable', '(b)');
  });

  it('scopes the text: paragraph numbers, portion marks, blocks, page markers, NNNN', () => {
    has('1. (C) SUMMARY: A state-owned utility plans', 'markup.list.numbered.paragraph-number.cable', '1');
    has('1. (C) SUMMARY: A state-owned utility plans', 'keyword.other.portion-mark.cable', '(C)');
    has('3. (C/NF) A senior ministry contact', 'keyword.other.portion-mark.cable', '(C/NF)');
    has('¶12. (S//NF) Text', 'punctuation.definition.pilcrow.cable', '¶');
    has('¶12. (S//NF) Text', 'markup.list.numbered.paragraph-number.cable', '12');
    has('$\\underline{\\P}7.$ Text', 'punctuation.definition.pilcrow.cable', '$\\underline{\\P}');
    hasNot('1.4 (b) and (d).', 'markup.list.numbered.paragraph-number.cable');
    has('   A. lenders want sovereign guarantees', 'markup.list.unnumbered.subparagraph.cable', 'A.');
    has('1. (C) SUMMARY: A state-owned utility plans', 'keyword.control.block.begin.cable', 'SUMMARY:');
    has('financing is thin. END SUMMARY.', 'keyword.control.block.end.cable', 'END SUMMARY');
    has('own energy regulator. End Note.)', 'keyword.control.block.end.cable', 'End Note');
    has('welcome the offer. (NOTE: Neither has yet consulted its', 'keyword.control.block.begin.cable', 'NOTE:');
    has("COMMENT CONT'D: The plan", 'keyword.control.block.begin.cable', "COMMENT CONT'D:");
    has('REYKJAVIK 00000457  002 OF 002', 'comment.line.page-marker.cable', 'REYKJAVIK 00000457  002 OF 002');
    has('DUSHANBE 00000313  001.2 OF 008 ', 'constant.numeric.page.cable', '001.2');
    has('NNNN', 'keyword.control.end-of-message.cable', 'NNNN');
    hasNot('NNNNN', 'keyword.control.end-of-message.cable');
  });
});

describe('the language contribution (package.json)', () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname ?? '.', '..', '..', 'package.json'), 'utf8'));
  const language = pkg.contributes.languages.find((l: { id: string }) => l.id === 'cable');
  const firstLine = new RegExp(language.firstLine);

  it('claims .cable and .tel files', () => {
    assert.deepEqual(language.extensions, ['.cable', '.tel']);
  });

  it('recognises a file by a first line that opens an envelope or a banner of any level', () => {
    for (const line of [
      'VZCZCXRO4570',
      'UNCLAS RIGA 000176',
      'UNCLAS SECTION 01 OF 07 VILNIUS 000622',
      'C O N F I D E N T I A L VALLETTA 000318',
      'S E C R E T SKOPJE 000455',
      'T O P S E C R E T STATE 001234',
      'CONFIDENTIAL ANKARA 000120',
      'SECRET SECTION 01 OF 02 MOSCOW 004321',
      'LIMITED OFFICIAL USE PARIS 012345',
    ]) {
      assert.ok(firstLine.test(line), line);
    }
  });

  it('leaves other text alone: a published page, a partial-extract note, prose', () => {
    for (const line of [
      'Keep Us Strong WikiLeaks logo',
      'This record is a partial extract of the original cable.',
      'Unclassified notes from the meeting',
      'SECRETARY RICE MET THE MINISTER',
      'CONFIDENTIALITY AGREEMENT',
    ]) {
      assert.ok(!firstLine.test(line), line);
    }
  });

  it('sets the cable editor defaults: a ruler at 69, trailing blanks kept, encoding guessed, inlay hints not cut', () => {
    const defaults = pkg.contributes.configurationDefaults['[cable]'];
    assert.deepEqual(defaults['editor.rulers'], [69]);
    assert.equal(defaults['files.trimTrailingWhitespace'], false);
    assert.equal(defaults['files.autoGuessEncoding'], true);
    // VS Code cuts a line's hints after 43 characters in all: a TAGS line has ten codes.
    assert.equal(defaults['editor.inlayHints.maximumLength'], 0);
  });

  it('documents every setting, cableLint.trace.server included, with enums where the value is a choice', () => {
    const props = pkg.contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), [
      'cableLint.enable',
      'cableLint.format.published',
      'cableLint.index.enable',
      'cableLint.index.exclude',
      'cableLint.index.include',
      'cableLint.index.maxFiles',
      'cableLint.index.maxMemoryMB',
      'cableLint.inlayHints.dates',
      'cableLint.inlayHints.decl',
      'cableLint.inlayHints.refs',
      'cableLint.inlayHints.tags',
      'cableLint.newDraft.declassifyAfterYears',
      'cableLint.profile',
      'cableLint.publicationFindings',
      'cableLint.rules',
      'cableLint.run',
      'cableLint.trace.server',
    ]);
    for (const [key, p] of Object.entries(props) as [string, { description?: string; markdownDescription?: string }][]) {
      assert.ok(p.description || p.markdownDescription, `${key} has a description`);
    }
    assert.deepEqual(props['cableLint.run'].enum, ['onType', 'onSave']);
    assert.deepEqual(props['cableLint.profile'].enum, ['auto', 'transmitted', 'draft', 'published']);
    assert.deepEqual(props['cableLint.publicationFindings'].enum, ['fade', 'show', 'hide']);
    assert.equal(props['cableLint.publicationFindings'].default, 'fade');
    assert.deepEqual(props['cableLint.trace.server'].enum, ['off', 'messages', 'verbose']);
    // On in VS Code: every kind of inlay hint defaults to the short style.
    for (const kind of ['tags', 'dates', 'decl']) {
      assert.deepEqual(props[`cableLint.inlayHints.${kind}`].enum, ['off', 'short', 'long']);
      assert.equal(props[`cableLint.inlayHints.${kind}`].default, 'short');
      assert.equal(props[`cableLint.inlayHints.${kind}`].enumDescriptions.length, 3);
    }
  });

  it('activates only on the language or one of its commands, and runs nothing from the workspace', () => {
    const commands = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(commands, ['cableLint.lintWorkspace', 'cableLint.newDraft', 'cableLint.restartServer', 'cableLint.showOutput']);
    assert.deepEqual([...pkg.activationEvents].sort(), ['onLanguage:cable', ...commands.map((c: string) => `onCommand:${c}`)].sort());
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
  });
});
