/**
 * The typed syntax tree of a cable. Every node carries an exact range: offsets and
 * columns count UTF-16 code units (as JavaScript strings and LSP do), lines and
 * columns are 0-based, the end is exclusive. The CLI adds 1 when it prints.
 */

export interface Position {
  offset: number;
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Node {
  range: Range;
}

/** A piece of text with its range, used for sub-fields (a tag code, a serial, a date). */
export interface Span extends Node {
  text: string;
}

export type ClassificationLevel =
  | 'UNCLASSIFIED'
  | 'UNCLASSIFIED EFTO'
  | 'LIMITED OFFICIAL USE'
  | 'CONFIDENTIAL'
  | 'SECRET'
  | 'TOP SECRET';

/** 0 = unclassified family, 1 = C, 2 = S, 3 = TS (spec 2.2). */
export type LevelRank = 0 | 1 | 2 | 3;

export type Profile = 'transmitted' | 'draft' | 'published';

// ---------------------------------------------------------------- envelope (layer A)

export type EnvelopeLineKind =
  | 'transmissionId'
  | 'precedence'
  | 'routingContinuation'
  | 'de'
  | 'security'
  | 'dtg'
  | 'fm'
  | 'to'
  | 'info'
  | 'xmt'
  | 'addressee';

export interface EnvelopeLine extends Node {
  kind: 'EnvelopeLine';
  lineKind: EnvelopeLineKind;
  text: string;
}

export interface TransmissionId extends EnvelopeLine {
  lineKind: 'transmissionId';
  /** Matches `TransmissionId` exactly (CBL002 reports the rest). */
  wellFormed: boolean;
  /** What follows `VZCZC` (channel and sequence number when well formed). */
  rest?: Span;
}

export interface PrecedenceLine extends EnvelopeLine {
  lineKind: 'precedence';
  prosign: Span;
  routingIndicators: Span[];
  wellFormed: boolean;
}

export interface DeLine extends EnvelopeLine {
  lineKind: 'de';
  wellFormed: boolean;
  routingIndicator?: Span;
  stationSerial?: Span;
  part?: Span;
  julian?: Span;
  /** The Julian date-time's day of the year, hour and minute as written. */
  julianParts?: { day: Span; hour: Span; minute: Span };
  /** Julian day of year 1..366, hour, minute as written (not validated). */
  dayOfYear?: number;
  hour?: number;
  minute?: number;
}

export interface SecurityLine extends EnvelopeLine {
  lineKind: 'security';
  operator: Span;
  code: Span;
}

export interface Dtg extends EnvelopeLine {
  lineKind: 'dtg';
  /** Precedence, `DDHHMMZ MON YY`, and nothing after it but operating signals (`ZDK`, `(CCY …)`). */
  wellFormed: boolean;
  /** Each part of the value as written, when the value reads whole (its year not running on into a digit). */
  parts?: { day: Span; hour: Span; minute: Span; month: Span; year: Span };
  /** Text after the year, leading blanks left out. */
  tail?: Span;
  precedence?: Span;
  infoPrecedence?: Span;
  /** The `DDHHMMZ MON YY` part. */
  value?: Span;
  day?: number;
  hour?: number;
  minute?: number;
  /** 1..12 */
  month?: number;
  /** Four-digit year derived from the two digits (>= 60 → 19xx). */
  year?: number;
}

export interface Addressee extends EnvelopeLine {
  lineKind: 'fm' | 'to' | 'info' | 'xmt' | 'addressee';
  routingIndicator?: Span;
  plad?: Span;
  precedence?: Span;
  sequence?: Span;
}

export interface Envelope extends Node {
  kind: 'Envelope';
  lines: EnvelopeLine[];
  transmissionId?: TransmissionId;
  precedence?: PrecedenceLine;
  de?: DeLine;
  security?: SecurityLine;
  dtg?: Dtg;
  fm?: Addressee;
  to: Addressee[];
  info: Addressee[];
}

// ---------------------------------------------------------------- classification block (layer B)

export interface SectionMarker extends Node {
  kind: 'SectionMarker';
  text: string;
  number: number;
  total: number;
  numberText: Span;
  totalText: Span;
}

export interface Banner extends Node {
  kind: 'Banner';
  text: string;
  levelText: Span;
  level: ClassificationLevel;
  /** Letter-spaced (`C O N F I D E N T I A L`). */
  spaced: boolean;
  section?: SectionMarker;
  post: Span;
  serial: Span;
  /** Text after the serial on the same line (glued captions or reflowed fields). */
  rest?: Span;
  /** Captions glued after the serial (`NOFORN`, `SIPDIS`). */
  gluedCaptions: string[];
  /** Where each of `gluedCaptions` is written. */
  gluedCaptionSpans: Span[];
}

/** A line that starts like a banner but does not match `Banner` (CBL021). */
export interface MalformedBanner extends Node {
  kind: 'MalformedBanner';
  text: string;
  /**
   * The level, when the line starts with one written exactly (a banner whose serial the
   * printout cut off): the cable's level all the same.
   */
  level?: ClassificationLevel;
  levelText?: Span;
}

export interface Caption extends Node {
  kind: 'Caption';
  /** Upper-cased caption words on this line (`SIPDIS`, `SENSITIVE`, `NOFORN` …). */
  names: string[];
  /** Where each of `names` is written (for an unknown caption, the word itself). */
  nameSpans: Span[];
  text: string;
  /** Known caption (vs an unknown all-caps one-word line between banner and E.O.). */
  known: boolean;
}

export interface PassLine extends Node {
  kind: 'PassLine';
  text: string;
}

// ---------------------------------------------------------------- header fields (layer C)

export interface EoLine extends Node {
  kind: 'EoLine';
  text: string;
  /** Canonical `EoLine` form. */
  canonical: boolean;
  order?: Span;
  /** N/A | DECL | DNG | other */
  bodyKind: 'N/A' | 'DECL' | 'DNG' | 'other';
  body?: Span;
  decl?: Span;
  /** Found mid-line in reflowed text. */
  midLine: boolean;
}

export interface TagToken extends Span {
  /** Personal names and free words are not code-shaped and are not checked. */
  codeShaped: boolean;
}

export interface TagsLine extends Node {
  kind: 'TagsLine';
  text: string;
  keyword: Span;
  tags: TagToken[];
  midLine: boolean;
}

export interface SubjectLine extends Node {
  kind: 'SubjectLine';
  keyword: Span;
  /** The subject text, lines joined with single spaces. */
  subject: string;
  textSpans: Span[];
  midLine: boolean;
}

export interface RefItem extends Node {
  kind: 'RefItem';
  /** Upper-case letter, or undefined for a single unlettered reference. */
  letter?: string;
  letterSpan?: Span;
  style?: 'dot' | 'paren' | 'enclosed';
  target: Span;
}

export interface RefList extends Node {
  kind: 'RefList';
  keyword: Span;
  items: RefItem[];
  lowerCase: boolean;
}

export interface ClassifiedBy extends Node {
  kind: 'ClassifiedBy';
  text: string;
  /** `Classified By`, with the colon when one follows. */
  keyword?: Span;
  authority?: Span;
  /** `1.4` / `1.5` as written, normalised to `1.4`/`1.5`. */
  reasonSection?: string;
  reasonSectionSpan?: Span;
  reasonLetters: Span[];
  derivedFrom: boolean;
  /** The old numbered form `1. (U) CLASSIFIED BY …`. */
  numbered: boolean;
  midLine: boolean;
}

export type HeaderField = EoLine | TagsLine | SubjectLine | RefList | ClassifiedBy;

// ---------------------------------------------------------------- text (layer D)

export interface PortionMark extends Node {
  kind: 'PortionMark';
  text: string;
  /** TS | S | C | SBU | U (upper-cased); undefined when malformed. */
  level?: 'TS' | 'S' | 'C' | 'SBU' | 'U';
  rank?: LevelRank;
  noforn: boolean;
  wellFormed: boolean;
}

export interface Paragraph extends Node {
  kind: 'Paragraph';
  /** The number as written, e.g. `¶12.`, `11.`, `$\underline{\P}7.$`. */
  numberText: Span;
  /** The number read from the text (the `11.` artefact reads 11). */
  written: number;
  /** After normalisation (CBL084 artefact removed). */
  number: number;
  pilcrow: boolean;
  latex: boolean;
  bullet: boolean;
  portionMark?: PortionMark;
  /** First words of the paragraph, for the outline. */
  lead: string;
  midLine: boolean;
  /** Numbering restarted at 1 here (after a heading, quoted text, TOC). */
  restart: boolean;
  /** A wrapped continuation line that merely starts with `N. ` (CBL085): not numbered. */
  ambiguous: boolean;
  /** Paragraph opens with a redaction run (exempt from CBL090). */
  redactedLead: boolean;
  /** Set by the CBL084 detector: the number is the `1`+N artefact. */
  artefact: boolean;
  /**
   * An item of a numbered list or quoted document inside another paragraph (`¶3. (U) … A list
   * follows:` ⏎ `¶1. More credit lines …`): its number belongs to that list, not to the cable's
   * paragraph numbering, and the enclosing paragraph's mark covers it.
   */
  nested: boolean;
}

export interface SubParagraph extends Node {
  kind: 'SubParagraph';
  letter: string;
  letterSpan: Span;
  style: 'dot' | 'paren' | 'bracket';
  /** Index in `Cable.paragraphs` or `Cable.headings` of the parent, by `parentKind`. */
  parentKind: 'paragraph' | 'heading' | 'none';
  parentIndex: number;
}

export interface Heading extends Node {
  kind: 'Heading';
  text: string;
  dashed: boolean;
}

export type BlockKind = 'SUMMARY' | 'COMMENT' | 'NOTE' | 'QUOTE';

export interface BlockMark extends Node {
  kind: 'BlockMark';
  block: BlockKind;
  role: 'open' | 'end';
  text: string;
  /** A `COMMENT CONT'D` opener continuing the previous comment. */
  continued: boolean;
  /** Index of the paragraph the mark is in (-1 before paragraph 1). */
  paragraphIndex: number;
}

export interface PageMarker extends Node {
  kind: 'PageMarker';
  form: 'page' | 'legacy';
  text: string;
  post?: Span;
  serial?: Span;
  number?: number;
  numberText?: Span;
  decimal?: Span;
  total?: number;
  totalText?: Span;
  /** Matches `PageMarker` exactly (CBL035). */
  wellFormed: boolean;
  midLine: boolean;
}

export interface Signature extends Node {
  kind: 'Signature';
  text: string;
  /** Appended to the last paragraph rather than on its own line. */
  appended: boolean;
}

export interface EndOfMessage extends Node {
  kind: 'EndOfMessage';
  /** Non-blank text after NNNN that is not a publisher trailer. */
  trailing?: Span;
}

export interface WrapperPart extends Node {
  kind: 'Wrapper';
  role:
    | 'preamble'
    | 'partial-extract-note'
    | 'metadata'
    | 'distribution'
    | 'trailer'
    | 'date-line'
    | 'envelope-copy'
    /** A header line the publisher cut off with `...` (`Classif...`) before the full copy. */
    | 'preview';
  text: string;
}

export interface SyntaxProblem extends Node {
  message: string;
  expected?: string;
  found?: string;
}

/** One physical line as LSP counts lines (`\n`, `\r\n`, lone `\r`). */
export interface Line {
  start: number;
  /** End of content, before the terminator. */
  end: number;
}

export interface Cable extends Node {
  kind: 'Cable';
  text: string;
  lines: Line[];
  wrapper: WrapperPart[];
  envelope?: Envelope;
  /** A DTG-form date in the publication wrapper (`291359Z Nov 00`), when the envelope has none. */
  wrapperDtg?: Dtg;
  /** The first banner (section 01 or the only one). */
  banner?: Banner;
  /** Further section banners of the full transmitted form. */
  sectionBanners: Banner[];
  malformedBanners: MalformedBanner[];
  captions: Caption[];
  passLines: PassLine[];
  eo?: EoLine;
  tags: TagsLine[];
  subject?: SubjectLine;
  refs?: RefList;
  classifiedBy?: ClassifiedBy;
  /** Header fields in document order. */
  headerOrder: HeaderField[];
  /** Offset where the text (layer D) starts. */
  textStart: number;
  paragraphs: Paragraph[];
  subParagraphs: SubParagraph[];
  headings: Heading[];
  blockMarks: BlockMark[];
  pageMarkers: PageMarker[];
  signature?: Signature;
  endOfMessage?: EndOfMessage;
  /** `SECRET - ENTIRE TEXT` style statement. */
  entireTextMarked: boolean;
  partialExtract: boolean;
  reflowed: boolean;
  errors: SyntaxProblem[];
}
