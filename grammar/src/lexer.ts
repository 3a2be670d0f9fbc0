import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { CAPTION_ALTERNATIVES } from './fields';

/**
 * A line-level lexer: one token per line *segment* (a line, or a tab-separated cell of
 * a line: cables.csv rows glue a banner or `VZCZC` after a tab), typed by the segment's
 * shape. Fields inside a segment are sub-lexed later, only where the tree needs them.
 * A token per word measured 26x slower than a bare line scan on the corpus; a token per
 * line shape keeps the lexer near the bare scan (see the benchmark).
 */

// Segment content: anything up to a line break, a tab or U+2028 (which LSP does not
// count as a line break; we only treat it as a separator).
const REST = '[^\\r\\n\\t\\u2028]*';
// End of a whole-segment pattern: optional blanks or a `\` line end, then a separator.
// (Chevrotain forbids `$`; a negative look-ahead also matches at the end of input.)
const END = '[ \\\\]*(?![^\\r\\n\\t\\u2028])';

function line(name: string, head: string, flags = ''): TokenType {
  return createToken({ name, pattern: new RegExp(head + REST, flags) });
}

function whole(name: string, body: string, flags = ''): TokenType {
  return createToken({ name, pattern: new RegExp(body + END, flags) });
}

export const Blank = createToken({ name: 'Blank', pattern: /[ \t\u2028\f\v\u00a0]+/, group: Lexer.SKIPPED });
/**
 * `\n` as a one-character string, which the lexer compares without running a pattern (one line
 * break a line: a pattern for all three forms was a ninth of the lexer's time); `\r\n` and a lone
 * `\r` apart.
 */
export const LineBreak = createToken({ name: 'LineBreak', pattern: '\n', group: Lexer.SKIPPED, line_breaks: true });
export const CarriageReturn = createToken({ name: 'CarriageReturn', pattern: /\r\n?/, group: Lexer.SKIPPED, line_breaks: true });

// ---- envelope (ACP-127 format lines)
/**
 * The shape of a routing indicator: R and three or more letters. Which lengths are valid (3–7
 * letters, spec 2.1) is the cable model's to say, so that a line with a longer one still reads
 * as the line it is and every reader calls the indicator malformed alike.
 */
export const ROUTING_SHAPE = 'R[A-Z]{3,}';
export const TransmissionIdLine = line('TransmissionIdLine', 'VZCZC');
// Malformed prosigns (`P RUEHC`) are still precedence lines: CBL003 reports them.
export const PrecedenceLine = whole('PrecedenceLine', `[ZOPR]{1,2}(?: +${ROUTING_SHAPE})+`);
export const RoutingContinuationLine = whole('RoutingContinuationLine', `${ROUTING_SHAPE}(?: +${ROUTING_SHAPE})*`);
export const DeLine = line('DeLine', `DE +${ROUTING_SHAPE}(?![A-Z])`);
export const SecurityLine = line('SecurityLine', 'ZN[RY] +[A-Z]{5}');
export const DtgLine = line('DtgLine', '[ZOPR] +(?:[ZOPR] +)?\\d{6}Z +[A-Z]{3} +\\d{2}(?!\\d)');
export const FmLine = line('FmLine', 'FM +(?=\\S)');
export const ToLine = line('ToLine', 'TO +(?=\\S)');
export const InfoLine = line('InfoLine', 'INFO +(?=\\S)');
export const XmtLine = line('XmtLine', 'XMT +(?=\\S)');
export const EndOfMessageLine = line('EndOfMessageLine', 'NNNN');

// ---- classification block
const SPACED = (word: string) =>
  word
    .split('')
    .map((c) => `[${c}${c.toLowerCase()}]`)
    .join(' ');
const LEVEL =
  '(?:UNCLAS(?: E F T O| EFTO)?|' +
  [SPACED('CONFIDENTIAL'), SPACED('SECRET'), 'T O P {1,2}S E C R E T', SPACED('UNCLAS')].join('|') +
  '|UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE|Unclas|Confidential|Secret)';
export const BANNER_PATTERN =
  `${LEVEL} +(?:[Ss][Ee][Cc][Tt][Ii][Oo][Nn] +\\d{1,3} +[Oo][Ff] +\\d{1,3} +)?` +
  `[A-Za-z][A-Za-z .'-]*?[A-Za-z] +\\d{4,8}(?![\\d/])`;
export const BannerLine = line('BannerLine', BANNER_PATTERN);

/** The known captions, as the format lists them (fields.ts). */
export const CAPTION_WORDS = CAPTION_ALTERNATIVES;
export const CaptionLine = createToken({
  name: 'CaptionLine',
  pattern: new RegExp(
    `(?:(?:${CAPTION_WORDS})(?:[ ,;/]+(?:${CAPTION_WORDS}))*[.]?${END}|C O R R E C T E D {1,2}C ?O ?P ?Y${REST})`,
    'i',
  ),
});

// ---- page markers
export const PageMarkerLine = line(
  'PageMarkerLine',
  "[A-Za-z][A-Za-z .'-]{0,16} +\\d{1,8} +\\d{1,3}(?:\\.\\d)? +[Oo][Ff] +\\d{1,3}(?![\\d])",
);
export const LegacyPageLine = line('LegacyPageLine', 'PAGE +\\d{2} ');

// ---- header fields
export const EoLine = line('EoLine', '(?:E\\.? ?[O0]\\.?|EO) *:? *1\\d{4}(?!\\d)', 'i');
export const TagsLine = line('TagsLine', 'TAGS?(?::|\\s)', 'i');
export const SubjectLine = line('SubjectLine', 'SUBJ(?:ECT)? *:', 'i');
export const RefLine = line('RefLine', 'REF(?:S|\\(S\\)|TEL|TELS)? *[:.]?(?=[ \\t])', 'i');
export const ClassifiedByLine = line(
  'ClassifiedByLine',
  '(?:¶ ?)?(?:1\\. *)?(?:\\((?:U|C|S|SBU)\\) *)?CLASSIFIED +BY',
  'i',
);

// ---- publication wrapper
export const PartialExtractLine = line('PartialExtractLine', 'This record is a partial extract');

// ---- text
export const ParagraphLine = line(
  'ParagraphLine',
  // `20." This name …` and `8.)` end a quotation or aside on a wrapped line: not numbers; nor is
  // `5.html.`, the end of an address wrapped after its last digit.
  '(?:- )?(?:¶ ?|\\uFFFD|\\$\\\\underline\\{\\\\P\\}|\\\\P)?[1-9]\\d{0,2} ?\\.\\$?(?![\\d")\\]]|(?:[Ss]?[Hh][Tt][Mm][Ll]?|[Pp][Dd][Ff]|[Aa][Ss][Pp][Xx]?|[Pp][Hh][Pp])\\b)',
);
/**
 * Every UTF-16 unit a segment may start with. Chevrotain cannot work out the first characters of
 * a complement set, and without them it tries every pattern on every segment; with them it
 * tries only the patterns that can start with the segment's first character.
 */
const SEGMENT_START = Array.from({ length: 0x10000 }, (_, c) => c).filter((c) => c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x2028);
export const TextLine = createToken({ name: 'TextLine', pattern: /[^\r\n\t\u2028]+/, start_chars_hint: SEGMENT_START });

/** Order matters: the first pattern that matches wins, so specific shapes come first. */
export const allTokens: TokenType[] = [
  LineBreak,
  CarriageReturn,
  Blank,
  TransmissionIdLine,
  PrecedenceLine,
  DeLine,
  SecurityLine,
  DtgLine,
  PartialExtractLine,
  BannerLine,
  CaptionLine,
  EoLine,
  TagsLine,
  SubjectLine,
  ClassifiedByLine,
  RefLine,
  PageMarkerLine,
  LegacyPageLine,
  ParagraphLine,
  FmLine,
  ToLine,
  InfoLine,
  XmtLine,
  EndOfMessageLine,
  RoutingContinuationLine,
  TextLine,
];

let lexer: Lexer | undefined;

function getLexer(): Lexer {
  if (!lexer) {
    // Chevrotain reports any pattern it cannot optimise on the console, and a language
    // server must not write to stdout.
    const warn = console.warn;
    const log = console.log;
    console.warn = () => undefined;
    console.log = () => undefined;
    try {
      lexer = new Lexer(allTokens, {
        positionTracking: 'full',
        ensureOptimizations: false,
        skipValidations: true,
      });
    } finally {
      console.warn = warn;
      console.log = log;
    }
  }
  return lexer;
}

export interface LexResult {
  tokens: IToken[];
}

export function lex(text: string): LexResult {
  const result = getLexer().tokenize(text);
  // TextLine accepts every character that is not a separator, so the lexer cannot fail.
  return { tokens: result.tokens };
}
