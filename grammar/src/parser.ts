import { EmbeddedActionsParser, EOF, type IToken, type TokenType } from 'chevrotain';
import { distance } from 'fastest-levenshtein';
import { isSpace } from './chars';
import { CONTINUES, type Continues, continuesWith } from './field-continuation';
import { misspeltField } from './field-keywords';
import * as T from './lexer';

/**
 * The cable's layer structure (spec section 1): publication preamble, ACP-127 envelope,
 * classification block, header fields, text. The parser works on line-segment tokens and
 * yields, for every segment, the region it belongs to; the tree builder then reads the
 * fields inside each region. Blank lines produce no tokens, so "a blank line between two
 * segments" is a gap in their line numbers, which the continuation rules below use.
 */

export type FieldKind = 'eo' | 'tags' | 'subject' | 'ref' | 'classifiedBy';

export type Item =
  | { role: 'preamble'; token: IToken }
  | { role: 'envelope'; token: IToken; afterFm: boolean }
  | { role: 'envelopeNoise'; token: IToken }
  | { role: 'banner'; token: IToken }
  | { role: 'classification'; token: IToken }
  | { role: 'field'; field: FieldKind; tokens: IToken[] }
  | { role: 'headerText'; token: IToken };

const ENVELOPE_START: TokenType[] = [
  T.TransmissionIdLine,
  T.PrecedenceLine,
  T.DeLine,
  T.SecurityLine,
  T.DtgLine,
  T.FmLine,
];
const FIELD_START: TokenType[] = [T.EoLine, T.TagsLine, T.SubjectLine, T.RefLine, T.ClassifiedByLine];

function isOneOf(token: IToken, types: readonly TokenType[]): boolean {
  return types.includes(token.tokenType);
}

const LEVEL_WORDS = ['UNCLAS', 'UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOPSECRET'];
const BANNER_SHAPE = /^((?:[A-Z] ){3,}[A-Z]|[A-Z]{5,14}) +(?:SECTION +\S+ +OF +\S+ +)?[A-Z][A-Z .'-]*? +\d{1,8}\s*(?:[A-Z ,]*)$/;

/**
 * A section banner whose serial the printout cut off (`C O N F I D E N T I A L SECTION 01 OF 02
 * TEL AVIV`, 06TELAVIV4032): still the banner line, and CBL021 says what it lacks.
 */
const SERIAL_CUT_BANNER = /^((?:[A-Z] ){3,}[A-Z]|[A-Z]{5,14}) +SECTION +\d{1,3} +OF +\d{1,3} +[A-Z][A-Z .'-]*[A-Z]$/;

/**
 * A line shaped like a banner whose level is a misspelling of a real one (edit distance
 * <= 2: `CONFIDENTAL REYKJAVIK 457`). The lexer types real banners; this catches the rest.
 */
export function looksLikeBanner(t: IToken): boolean {
  if (t.tokenType !== T.TextLine || t.image.length > 120) return false;
  // Both shapes open with a capital and a capital or a space (`CONFIDENTAL`, `C O N F …`): the
  // parser asks this of most lines before the text, and most start otherwise.
  const image = t.image;
  let i = 0;
  while (i < image.length && isSpace(image.charCodeAt(i))) i++;
  const c0 = image.charCodeAt(i);
  const c1 = image.charCodeAt(i + 1);
  if (!(c0 >= 0x41 && c0 <= 0x5a) || !((c1 >= 0x41 && c1 <= 0x5a) || c1 === 0x20)) return false;
  const trimmed = image.trim();
  const m = BANNER_SHAPE.exec(trimmed) ?? SERIAL_CUT_BANNER.exec(trimmed);
  if (!m) return false;
  const lvl = m[1]!.replace(/ /g, ''); // the level: group 1 of both shapes, unnamed (fields.ts, Numbered)
  return LEVEL_WORDS.some((w) => distance(lvl, w) <= 2);
}

class CableParser extends EmbeddedActionsParser {
  private items: Item[] = [];
  /** The text layer's segments, every one left after the header: as they come, no item each. */
  private bodyTokens: IToken[] = [];
  private seenFm = false;

  constructor() {
    // Decisions are LL(1) plus semantic gates (blank-line gaps, what follows); a deeper
    // lookahead over the catch-all segment rule grows exponentially and buys nothing.
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 1, skipValidations: true });
    this.performSelfAnalysis();
  }

  load(tokens: IToken[]): void {
    this.input = tokens;
    this.items = [];
    this.bodyTokens = [];
    this.seenFm = false;
  }

  takeItems(): Item[] {
    return this.items;
  }

  takeBody(): IToken[] {
    return this.bodyTokens;
  }

  private push(item: Item): void {
    this.ACTION(() => this.items.push(item));
  }

  public cable = this.RULE('cable', () => {
    this.MANY({
      GATE: () =>
        this.LA(1).tokenType !== EOF &&
        !this.atEnvelopeStart() &&
        (!this.atHeaderStart() || this.envelopeAhead()) &&
        this.LA(1).tokenType !== T.ParagraphLine,
      DEF: () => this.push({ role: 'preamble', token: this.SUBRULE(this.anySegment) }),
    });
    // The gates matter: with LL(1) the envelope's error production would otherwise let
    // any text line open an envelope.
    this.OPTION({ GATE: () => isOneOf(this.LA(1), ENVELOPE_START), DEF: () => this.SUBRULE(this.envelope) });
    // Fields between a printed envelope copy and the banner (`TAGS: …` of the publisher's
    // metadata block, 06MEXICO1476) are not the cable's header, which follows the banner.
    this.MANY1({
      GATE: () => this.items[this.items.length - 1]?.role === 'envelope' && this.bannerAhead(),
      DEF: () => this.push({ role: 'preamble', token: this.SUBRULE2(this.anySegment) }),
    });
    this.OPTION1({
      GATE: () => this.LA(1).tokenType === T.BannerLine || looksLikeBanner(this.LA(1)),
      DEF: () => this.SUBRULE(this.classificationBlock),
    });
    this.SUBRULE(this.header);
    // The text layer: every segment left is body. No decision remains, so the segments are taken
    // as they come; a Chevrotain repetition over the catch-all alternation cost a tenth of the parse.
    this.ACTION(() => {
      for (let t = this.LA(1); t.tokenType !== EOF; t = this.SKIP_TOKEN()) this.bodyTokens.push(t);
    });
  });

  private envelope = this.RULE('envelope', () => {
    this.ACTION(() => (this.seenFm = false));
    // A garbled banner (`C C O N F I D E N T I A L …`, 06MADRID779) ends the envelope like a
    // real one: without this gate LL(1) would enter the loop on its TextLine and fail.
    this.AT_LEAST_ONE({
      GATE: () => !looksLikeBanner(this.LA(1)),
      DEF: () => this.OR(this.envelopeAlts),
    });
  });

  // Built once, as every alternation below: a fresh array of closures per line is garbage the
  // collector then spends a tenth of the parse on.
  private readonly envelopeAlts = [
    { ALT: () => this.envelopeLine(this.CONSUME(T.TransmissionIdLine)) },
    { ALT: () => this.envelopeLine(this.CONSUME(T.PrecedenceLine)) },
    { ALT: () => this.envelopeLine(this.CONSUME(T.RoutingContinuationLine)) },
    { ALT: () => this.envelopeLine(this.CONSUME(T.DeLine)) },
    { ALT: () => this.envelopeLine(this.CONSUME(T.SecurityLine)) },
    { ALT: () => this.envelopeLine(this.CONSUME(T.DtgLine)) },
    {
      ALT: () => {
        this.envelopeLine(this.CONSUME(T.FmLine));
        this.ACTION(() => (this.seenFm = true));
      },
    },
    { ALT: () => this.envelopeLine(this.CONSUME(T.ToLine)) },
    { ALT: () => this.envelopeLine(this.CONSUME(T.InfoLine)) },
    { ALT: () => this.envelopeLine(this.CONSUME(T.XmtLine)) },
    // After FM every line up to the banner is an addressee (PLAD-only lines included),
    // or publisher metadata between two printed copies of the envelope.
    {
      GATE: () => this.seenFm && !looksLikeBanner(this.LA(1)),
      ALT: () => this.envelopeLine(this.SUBRULE(this.addresseeText)),
    },
    // Before FM the envelope has only format lines: anything else is a syntax error,
    // recovered by skipping the segment (an error production).
    {
      GATE: () => !this.seenFm,
      ALT: () => this.push({ role: 'envelopeNoise', token: this.SUBRULE(this.envelopeNoiseText) }),
    },
  ];

  private readonly addresseeAlts = [
    { ALT: () => this.CONSUME(T.TextLine) },
    { ALT: () => this.CONSUME(T.CaptionLine) },
    { ALT: () => this.CONSUME(T.PageMarkerLine) },
    { ALT: () => this.CONSUME(T.LegacyPageLine) },
    { ALT: () => this.CONSUME(T.EndOfMessageLine) },
  ];

  private addresseeText = this.RULE('addresseeText', (): IToken => this.OR(this.addresseeAlts));

  private readonly envelopeNoiseAlts = [
    { ALT: () => this.CONSUME(T.TextLine) },
    { ALT: () => this.CONSUME(T.PageMarkerLine) },
    { ALT: () => this.CONSUME(T.LegacyPageLine) },
  ];

  private envelopeNoiseText = this.RULE('envelopeNoiseText', (): IToken => this.OR(this.envelopeNoiseAlts));

  private envelopeLine(token: IToken): void {
    this.push({ role: 'envelope', token, afterFm: this.seenFm });
  }

  private readonly bannerAlts = [
    { ALT: () => this.CONSUME(T.BannerLine) },
    // A misspelt banner still opens the classification block (CBL021 reports it).
    { GATE: () => looksLikeBanner(this.LA(1)), ALT: () => this.CONSUME1(T.TextLine) },
  ];
  private readonly classificationAlts = [{ ALT: () => this.CONSUME(T.CaptionLine) }, { ALT: () => this.CONSUME(T.TextLine) }];

  private classificationBlock = this.RULE('classificationBlock', () => {
    const banner = this.OR1(this.bannerAlts);
    this.push({ role: 'banner', token: banner });
    this.MANY({
      GATE: () => !this.atHeaderStart() && this.looksLikeClassificationLine(),
      DEF: () => this.push({ role: 'classification', token: this.OR(this.classificationAlts) }),
    });
  });

  private readonly headerAlts = [
    { ALT: () => this.SUBRULE(this.eoField) },
    { ALT: () => this.SUBRULE(this.tagsField) },
    { ALT: () => this.SUBRULE(this.subjectField) },
    { ALT: () => this.SUBRULE(this.refField) },
    { ALT: () => this.SUBRULE(this.classifiedByField) },
    // `TAS: PREL`, `TAGS; PREL`, `UBJECT: …`: the field all the same (CBL065 reports the keyword).
    { GATE: () => misspeltField(this.LA(1), T.TextLine) !== undefined, ALT: () => this.SUBRULE(this.misspeltField) },
    { ALT: () => this.push({ role: 'headerText', token: this.CONSUME(T.CaptionLine) }) },
    // Pass lines and other short text between two fields ("DEPT FOR …" after E.O.).
    { ALT: () => this.push({ role: 'headerText', token: this.CONSUME(T.TextLine) }) },
    { ALT: () => this.push({ role: 'headerText', token: this.CONSUME(T.PageMarkerLine) }) },
  ];

  private header = this.RULE('header', () => {
    this.MANY({
      GATE: () => this.atHeaderStart(),
      DEF: () => this.OR(this.headerAlts),
    });
  });

  private eoField = this.RULE('eoField', () => {
    this.fieldTail('eo', this.CONSUME(T.EoLine), CONTINUES.eo);
  });
  private tagsField = this.RULE('tagsField', () => {
    this.fieldTail('tags', this.CONSUME(T.TagsLine), CONTINUES.tags);
  });
  private subjectField = this.RULE('subjectField', () => {
    this.fieldTail('subject', this.CONSUME(T.SubjectLine), CONTINUES.subject);
  });
  private refField = this.RULE('refField', () => {
    this.fieldTail('ref', this.CONSUME(T.RefLine), CONTINUES.ref);
  });
  private classifiedByField = this.RULE('classifiedByField', () => {
    this.fieldTail('classifiedBy', this.CONSUME(T.ClassifiedByLine), CONTINUES.classifiedBy);
  });
  private misspeltField = this.RULE('misspeltField', () => {
    const token = this.CONSUME(T.TextLine);
    // While Chevrotain records the grammar the token is a placeholder: any field will do.
    const field = misspeltField(token, T.TextLine) ?? 'subject';
    this.fieldTail(field, token, CONTINUES[field]);
  });

  private fieldTail(field: FieldKind, first: IToken, continues: Continues): void {
    const tokens = this.SUBRULE(this.continuation, { ARGS: [first, continues] });
    this.push({ role: 'field', field, tokens });
  }

  private readonly continuationAlts = [
    { ALT: () => this.CONSUME(T.TextLine) },
    { ALT: () => this.CONSUME(T.ParagraphLine) },
    { ALT: () => this.CONSUME(T.CaptionLine) },
    { ALT: () => this.CONSUME(T.LegacyPageLine) },
    { ALT: () => this.CONSUME(T.RoutingContinuationLine) },
  ];

  /** The segments that continue a field, each accepted by the field's own predicate. */
  private continuation = this.RULE('continuation', (first: IToken, continues: Continues): IToken[] => {
    const tokens: IToken[] = [first];
    this.MANY({
      GATE: () => continuesWith(continues, tokens, this.LA(1), this.LA(2)),
      DEF: () => {
        const t = this.OR(this.continuationAlts);
        this.ACTION(() => tokens.push(t));
      },
    });
    return tokens;
  });

  // Built once: a fresh array of closures per body line was a tenth of the parse time.
  private readonly anySegmentAlts = T.allTokens
    .filter((t) => t !== T.LineBreak && t !== T.CarriageReturn && t !== T.Blank)
    .map((t) => ({ ALT: () => this.CONSUME(t) }));

  private anySegment = this.RULE('anySegment', (): IToken => this.OR(this.anySegmentAlts));

  /**
   * A mail-client or publisher block before the envelope may hold a `Subject:` line
   * (08TRIPOLI126): it is wrapper when an envelope format line follows shortly.
   */
  private envelopeAhead(): boolean {
    for (let k = 1; k <= 14; k++) {
      const t = this.LA(k);
      if (t.tokenType === EOF || t.tokenType === T.BannerLine || t.tokenType === T.ParagraphLine) return false;
      if (t.tokenType === T.TransmissionIdLine || t.tokenType === T.PrecedenceLine || t.tokenType === T.DeLine || t.tokenType === T.DtgLine)
        return true;
    }
    return false;
  }

  /** A banner follows within a few segments, before any numbered paragraph. */
  private bannerAhead(): boolean {
    if (this.LA(1).tokenType === T.BannerLine || looksLikeBanner(this.LA(1))) return false;
    for (let k = 2; k <= 8; k++) {
      const t = this.LA(k);
      if (t.tokenType === T.BannerLine || looksLikeBanner(t)) return true;
      if (t.tokenType === EOF || t.tokenType === T.ParagraphLine) return false;
    }
    return false;
  }

  private atEnvelopeStart(): boolean {
    const t = this.LA(1);
    if (isOneOf(t, ENVELOPE_START)) return true;
    return (t.tokenType === T.BannerLine || looksLikeBanner(t)) && !this.envelopeBelowBanner();
  }

  /**
   * A mail client's copy of the cable (06TELAVIV4032) prints the banner, then its own
   * routing block (`CXTelA:`, `ACTION:`, `DRAFTED:` …), then the whole cable with its envelope:
   * that first banner is wrapper. A banner is quoted so when an envelope format line follows it
   * before any header field, numbered paragraph or other banner.
   */
  private envelopeBelowBanner(): boolean {
    for (let k = 2; k <= 16; k++) {
      const t = this.LA(k);
      if (t.tokenType === T.TransmissionIdLine || t.tokenType === T.PrecedenceLine || t.tokenType === T.DeLine) return true;
      if (
        t.tokenType === EOF ||
        t.tokenType === T.ParagraphLine ||
        t.tokenType === T.BannerLine ||
        isOneOf(t, FIELD_START) ||
        isOneOf(t, ENVELOPE_START) ||
        looksLikeBanner(t)
      )
        return false;
    }
    return false;
  }

  /**
   * The header starts at a field, or at short text (a pass line, a stray caption) that a
   * field follows within three segments.
   */
  private atHeaderStart(): boolean {
    const t = this.LA(1);
    if (isOneOf(t, FIELD_START) || misspeltField(t, T.TextLine)) return true;
    if (t.tokenType === T.CaptionLine || t.tokenType === T.TextLine || t.tokenType === T.PageMarkerLine) {
      for (let k = 2; k <= 4; k++) {
        const next = this.LA(k);
        if (isOneOf(next, FIELD_START) || misspeltField(next, T.TextLine)) return t.image.length <= 100;
        if (next.tokenType === EOF || next.tokenType === T.ParagraphLine || next.tokenType === T.BannerLine)
          return false;
      }
    }
    return false;
  }

  private looksLikeClassificationLine(): boolean {
    const t = this.LA(1);
    if (t.tokenType === T.CaptionLine) return true;
    // Pass / attention lines are short; a long line is reflowed text (body).
    return t.tokenType === T.TextLine && t.image.length <= 100;
  }
}

let parser: CableParser | undefined;

export function parseItems(tokens: IToken[]): { items: Item[]; body: IToken[]; errors: { message: string; token: IToken }[] } {
  parser ??= new CableParser();
  parser.load(tokens);
  parser.cable();
  const read = { items: parser.takeItems(), body: parser.takeBody(), errors: parser.errors.map((e) => ({ message: e.message, token: e.token })) };
  // The parser outlives the parse: what it held of this text (~2 MB for 100 KB) would stay until the next.
  parser.load([]);
  return read;
}
