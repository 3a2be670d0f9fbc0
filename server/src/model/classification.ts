/**
 * Classification: the banner's level (also of a banner line the parser could not read whole),
 * the captions, the handling statements of the header, the portion marks' high-water mark, and
 * the lines that try to be a banner.
 */
import { distance } from 'fastest-levenshtein';
import type { Cable, Caption, ClassificationLevel, LevelRank, MalformedBanner, Paragraph, PortionMark, Range, Span } from '../../../grammar/src/ast';
import { CAPTION_NAMES } from '../../../grammar/src/fields';
import { lineIndexAt, rangeAt } from '../../../grammar/src/positions';
import { headerCode, lookupRoutingIndicator, postByBannerPost } from '../data/index';
import { type Correction, frozen, type Lazy } from './types';

const RANK: Record<ClassificationLevel, LevelRank> = {
  UNCLASSIFIED: 0,
  'UNCLASSIFIED EFTO': 0,
  'LIMITED OFFICIAL USE': 0,
  CONFIDENTIAL: 1,
  SECRET: 2,
  'TOP SECRET': 3,
};

/** 0 = the unclassified family, 1 = CONFIDENTIAL, 2 = SECRET, 3 = TOP SECRET (spec 2.2). */
export function levelRank(level: ClassificationLevel): LevelRank {
  return RANK[level];
}

/** A caption the format knows, and what it means where a reference table says so. */
export interface KnownCaption {
  readonly name: string;
  /** From header_codes.tsv; none for a caption the format names and no table explains. */
  readonly meaning?: string;
  /** Where the meaning comes from. */
  readonly meaningSource?: string;
}

/** The handbook section the format specification cites for captions (spec 2.2 and section 5). */
export const CAPTIONS_SOURCE = '5 FAH-2 H-252.1-1';

/**
 * The known captions: the format's list (the grammar's, which the lexer and the tree read too),
 * with `CORRECTED COPY`, the name the tree gives the letter-spaced correction caption. CBL023,
 * completion and hover read it here, so that none of them knows a caption the others do not.
 */
export const KNOWN_CAPTIONS: readonly KnownCaption[] = Object.freeze(
  [...CAPTION_NAMES, 'CORRECTED COPY'].map((name) => {
    const info = headerCode('caption', name === 'CORRECTED COPY' ? 'C O R R E C T E D  C O P Y' : name);
    return Object.freeze(info ? { name, meaning: info.meaning, meaningSource: info.source } : { name });
  }),
);

const KNOWN_BY_NAME: ReadonlyMap<string, KnownCaption> = new Map(KNOWN_CAPTIONS.map((c) => [c.name, c]));

/** The known caption of this name (upper case, as the tree names it). */
export function knownCaption(name: string): KnownCaption | undefined {
  return KNOWN_BY_NAME.get(name);
}

/**
 * What a word on its own line among the captions is when it is no known caption (the tree's
 * `Caption` with `known: false`).
 */
export type UnknownCaptionReading =
  /** Between the banner and the E.O. line, and no caption: CBL023 reports it, with the known caption within two edits if there is one. */
  | { readonly kind: 'unknown'; readonly nearest?: string }
  /** `XXXXXXXXXXXX`: the publisher redacted what stood there; nothing to check. */
  | { readonly kind: 'redacted' }
  /** A level word alone (`UNCLASSIFIED`): a publisher's metadata or a broken banner, not a caption. */
  | { readonly kind: 'level' }
  /** Outside the classification block (after the banner, before the E.O. line or else the first header field): not checked as a caption. */
  | { readonly kind: 'outsideBlock' };

export interface UnknownCaption {
  readonly caption: Caption;
  /** The word as written, trimmed. */
  readonly word: string;
  readonly reading: UnknownCaptionReading;
}

const REDACTED = /^X{4,}$/i;
const LEVEL_WORD = /^(?:UNCLAS(?:SIFIED)?|CONFIDENTIAL|SECRET)$/i;

/** Levels as written without letter-spacing, squeezed (no blanks) for comparison. */
const LEVELS: readonly { squeezed: string; written: string }[] = [
  { squeezed: 'LIMITEDOFFICIALUSE', written: 'LIMITED OFFICIAL USE' },
  { squeezed: 'TOPSECRET', written: 'TOP SECRET' },
  { squeezed: 'UNCLASSIFIED', written: 'UNCLASSIFIED' },
  { squeezed: 'CONFIDENTIAL', written: 'CONFIDENTIAL' },
  { squeezed: 'UNCLAS', written: 'UNCLAS' },
  { squeezed: 'SECRET', written: 'SECRET' },
];

/**
 * Real words that sit within edit distance 2 of a level and start envelope or pass lines
 * (`SECDEF WASHDC`, a PLAD-only addressee): never read as a misspelt banner.
 */
const NOT_LEVELS: ReadonlySet<string> = new Set(['SECDEF', 'UNCLE']);

export interface LeadingLevel {
  /** Offset of the level in the line text and its length. */
  at: number;
  length: number;
  /** As written. */
  raw: string;
  /** Upper case, blanks removed. */
  squeezed: string;
  /** Nearest level and its edit distance from `squeezed`. */
  nearest: string;
  distance: number;
  /** No other level lies at the same distance. */
  unique: boolean;
}

/**
 * The classification-level word(s) a line starts with: one to fourteen words joined (`SECRET`,
 * `TOP SECRET`, `C O N F I D E N T I A L`, the oddly spaced `SE C R E T` and `C ONFIDENTIAL` of
 * published copies). The reading closest to a known level wins, the longer one on a tie. Up to
 * three characters glued before the level (`.C O N F …`) are skipped: glued text before the
 * banner is an accepted variant (spec 4.4).
 */
export function readLeadingLevel(line: string): LeadingLevel | undefined {
  const lead = /^\s*(?:[^\sA-Za-z0-9]{1,3}\s*)?/.exec(line)![0].length;
  const s = line.slice(lead);
  const word = /[A-Za-z]+/y;
  let best: Omit<LeadingLevel, 'unique'> | undefined;
  let at = 0;
  for (let k = 0; k < 14; k++) {
    word.lastIndex = at;
    const w = word.exec(s);
    if (!w) break;
    const raw = s.slice(0, word.lastIndex);
    const squeezed = raw.replace(/ /g, '').toUpperCase();
    if (squeezed.length > 22) break;
    for (const lvl of LEVELS) {
      const d = distance(squeezed, lvl.squeezed);
      if (!best || d < best.distance || (d === best.distance && raw.length > best.length)) {
        best = { at: lead, length: raw.length, raw, squeezed, nearest: lvl.written, distance: d };
      }
    }
    const gap = /^ {1,2}(?=[A-Za-z])/.exec(s.slice(word.lastIndex));
    if (!gap) break;
    at = word.lastIndex + gap[0].length;
  }
  if (!best) return undefined;
  const found = best;
  return { ...found, unique: LEVELS.filter((l) => distance(found.squeezed, l.squeezed) === found.distance).length === 1 };
}

/** A misspelt level: within distance 2, long enough not to be any short word, not a known word. */
function misspeltLevel(l: LeadingLevel): boolean {
  return (
    l.distance > 0 &&
    l.distance <= 2 &&
    l.squeezed.length >= 4 &&
    !NOT_LEVELS.has(l.squeezed) &&
    !lookupRoutingIndicator(l.squeezed) &&
    !postByBannerPost(l.squeezed)
  );
}

/** The rest of a banner wrapped onto the next line: `SECTION 01 OF 02 BAKU 000687 …`. */
const BANNER_TAIL = /^\s*(?:SECTION\s+\d{2}\s+OF\s+\d{2}\s+)?[A-Za-z][A-Za-z .'-]*[A-Za-z]\s+\d{4,8}(?!\d)/i;

/** A line that tries to be a banner and is not one the parser could read. */
export interface BannerAttempt {
  /** Offset where the line's text (after glued characters) starts. */
  start: number;
  text: string;
  range: Range;
  /** The level it starts with, when it starts with one (or a near misspelling), and where it is written. */
  level?: LeadingLevel;
  levelRange?: Range;
  /** Ends after its level and the post and serial follow on the next line (09BAKU687). */
  wrapped: boolean;
  /** A line of the tree's `malformedBanners`, rather than one found in the classification region. */
  malformed?: MalformedBanner;
}

export interface Classification {
  /**
   * The level the banner gives: the banner's, or, for a banner line the parser could not read
   * whole (its serial cut off, 06TELAVIV4032), the level it starts with.
   */
  readonly bannerLevel: { level: ClassificationLevel; levelText: Span } | undefined;
  readonly bannerRank: LevelRank | undefined;
  /** CONFIDENTIAL or above. */
  readonly classified: boolean;
  /** Every caption the cable carries, on caption lines or glued to the banner. */
  readonly captions: ReadonlySet<string>;
  /** Each caption word where it is written, in document order (known captions only). */
  readonly captionWords: readonly { name: string; span: Span; caption?: Caption }[];
  /** Every line the tree read as a caption it does not know, with what it is, in document order. */
  readonly unknownCaptions: readonly UnknownCaption[];
  /**
   * NOFORN or SENSITIVE stated in the header region (banner to text start) outside a caption
   * line: cables also write the handling statement in prose (`SENSITIVE BUT UNCLASSIFIED -
   * PLEASE PROTECT ACCORDINGLY.` after the REF list).
   */
  readonly statedInHeader: { readonly noforn: boolean; readonly sensitive: boolean };
  /** The most restrictive portion mark of a numbered paragraph, and where it is. */
  readonly highestPortion: { mark: PortionMark; paragraph: Paragraph } | undefined;
  /**
   * Lines that try to be a banner: the tree's malformed banner lines, then, when the parser
   * found no banner, lines of the classification region that start with a level or a near
   * misspelling of one (`malformed` unset; such a line may also be a malformed banner line).
   */
  readonly bannerAttempts: readonly BannerAttempt[];
  /** A caption line inserted after the last caption of the classification block (or the banner). */
  captionInsertion(caption: string): Correction | undefined;
}

export const NO_CLASSIFICATION: Classification = Object.freeze({
  bannerLevel: undefined,
  bannerRank: undefined,
  classified: false,
  captions: new Set<string>(),
  captionWords: Object.freeze([]),
  unknownCaptions: Object.freeze([]),
  statedInHeader: Object.freeze({ noforn: false, sensitive: false }),
  highestPortion: undefined,
  bannerAttempts: Object.freeze([]),
  captionInsertion: () => undefined,
});

export function readClassification(cable: Cable, lazy: Lazy): Classification {
  const bannerLevel = bannerLevelOf(cable);
  const bannerRank = bannerLevel ? RANK[bannerLevel.level] : undefined;
  const captions = new Set<string>();
  for (const c of cable.captions) for (const n of c.names) captions.add(n);
  for (const n of cable.banner?.gluedCaptions ?? []) captions.add(n);
  let highestPortion: Classification['highestPortion'];
  for (const p of cable.paragraphs) {
    const m = p.portionMark;
    if (p.ambiguous || m?.rank === undefined) continue;
    if (!highestPortion || m.rank > highestPortion.mark.rank!) highestPortion = { mark: m, paragraph: p };
  }
  const attempts = lazy('classification.bannerAttempts', () => (bannerAttemptsOf(cable)), NO_CLASSIFICATION.bannerAttempts);
  const stated = lazy('classification.statedInHeader', () => headerStatements(cable), NO_CLASSIFICATION.statedInHeader);
  // Spans in order, worked out for the few readers (SIPDIS with NODIS, the editor's index).
  const words = lazy('classification.captionWords', () => captionWordsOf(cable), NO_CLASSIFICATION.captionWords);
  const unknown = lazy('classification.unknownCaptions', () => unknownCaptionsOf(cable), NO_CLASSIFICATION.unknownCaptions);
  return new ClassificationMeaning(cable, bannerLevel, bannerRank, captions, highestPortion, stated, attempts, words, unknown);
}

/** Each unknown caption line and what it is; the classification block runs from the banner to the E.O. line, else the first header field. */
function unknownCaptionsOf(cable: Cable): readonly UnknownCaption[] {
  const blockStart = cable.banner?.range.end.offset ?? Number.POSITIVE_INFINITY;
  const blockEnd = (cable.eo ?? cable.headerOrder[0])?.range.start.offset ?? Number.POSITIVE_INFINITY;
  const out: UnknownCaption[] = [];
  for (const caption of cable.captions) {
    if (caption.known) continue;
    const word = caption.text.trim();
    const at = caption.range.start.offset;
    out.push(frozen({ caption, word, reading: unknownCaptionReading(word, at >= blockStart && at < blockEnd) }));
  }
  return out.sort((a, b) => a.caption.range.start.offset - b.caption.range.start.offset);
}

function unknownCaptionReading(word: string, inBlock: boolean): UnknownCaptionReading {
  if (REDACTED.test(word)) return { kind: 'redacted' };
  if (LEVEL_WORD.test(word)) return { kind: 'level' };
  if (!inBlock) return { kind: 'outsideBlock' };
  const upper = word.toUpperCase();
  let nearest: { name: string; d: number } | undefined;
  for (const name of CAPTION_NAMES) {
    const d = distance(upper, name);
    if (!nearest || d < nearest.d) nearest = { name, d };
  }
  return nearest && nearest.d <= 2 ? { kind: 'unknown', nearest: nearest.name } : { kind: 'unknown' };
}

/** Every caption name in order, with its span: on caption lines, or glued after the banner serial. */
function captionWordsOf(cable: Cable): Classification['captionWords'] {
  const captionWords: { name: string; span: Span; caption?: Caption }[] = [];
  const banner = cable.banner;
  if (banner) banner.gluedCaptions.forEach((name, i) => captionWords.push(({ name, span: banner.gluedCaptionSpans[i]! })));
  for (const caption of cable.captions) {
    if (caption.known) caption.names.forEach((name, i) => captionWords.push(({ name, span: caption.nameSpans[i]!, caption })));
  }
  return captionWords.sort((a, b) => a.span.range.start.offset - b.span.range.start.offset);
}

/** A class, so that the getters sit on the prototype: getters in a literal leave the object in V8's dictionary mode. */
class ClassificationMeaning implements Classification {
  readonly classified: boolean;
  // The tree in a private field, its parts as methods: a closure over it stored in a field kept
  // every linted tree alive through the young generation's collections (ARCHITECTURE.md).
  readonly #cable: Cable;
  readonly #stated: () => Classification['statedInHeader'];
  readonly #attempts: () => readonly BannerAttempt[];
  readonly #captionWords: () => Classification['captionWords'];
  readonly #unknownCaptions: () => Classification['unknownCaptions'];

  constructor(
    cable: Cable,
    readonly bannerLevel: Classification['bannerLevel'],
    readonly bannerRank: LevelRank | undefined,
    readonly captions: ReadonlySet<string>,
    readonly highestPortion: Classification['highestPortion'],
    stated: () => Classification['statedInHeader'],
    attempts: () => readonly BannerAttempt[],
    captionWords: () => Classification['captionWords'],
    unknownCaptions: () => Classification['unknownCaptions'],
  ) {
    this.classified = (bannerRank ?? 0) >= 1;
    this.#cable = cable;
    this.#stated = stated;
    this.#attempts = attempts;
    this.#captionWords = captionWords;
    this.#unknownCaptions = unknownCaptions;
    Object.freeze(this);
  }

  get statedInHeader(): Classification['statedInHeader'] {
    return this.#stated();
  }

  get captionWords(): Classification['captionWords'] {
    return this.#captionWords();
  }

  get unknownCaptions(): Classification['unknownCaptions'] {
    return this.#unknownCaptions();
  }

  get bannerAttempts(): readonly BannerAttempt[] {
    return this.#attempts();
  }

  captionInsertion(caption: string): Correction | undefined {
    return captionInsertion(this.#cable, caption);
  }
}

function bannerLevelOf(cable: Cable): Classification['bannerLevel'] {
  if (cable.banner) return cable.banner;
  const envelopeEnd = cable.envelope?.range.end.offset ?? -1;
  const cut = cable.malformedBanners.find((b) => b.level && b.levelText && b.range.start.offset > envelopeEnd);
  return cut?.level && cut.levelText ? ({ level: cut.level, levelText: cut.levelText }) : undefined;
}

function headerStatements(cable: Cable): Classification['statedInHeader'] {
  // Bounded by the header, so linear.
  const from = cable.banner?.range.start.offset ?? 0;
  const to = Math.max(from, cable.paragraphs[0]?.range.start.offset ?? cable.textStart);
  const header = cable.text.slice(from, Math.min(to, from + 20_000));
  return Object.freeze({ noforn: /\bNOFORN\b/i.test(header), sensitive: /\bSENSITIVE\b/i.test(header) });
}

/**
 * The caption line, keeping the block's spacing: a blank line between captions if it has one.
 * None without a banner or on reflowed text, where lines mean nothing.
 */
function captionInsertion(cable: Cable, caption: string): Correction | undefined {
  const banner = cable.banner;
  if (!banner || cable.reflowed) return undefined;
  const limit = (cable.eo ?? cable.headerOrder[0])?.range.start.offset ?? Number.POSITIVE_INFINITY;
  let anchorLine = banner.range.end.line;
  for (const c of cable.captions) {
    if (c.range.start.offset > banner.range.start.offset && c.range.start.offset < limit) {
      anchorLine = Math.max(anchorLine, c.range.end.line);
    }
  }
  const { lines, text } = cable;
  const anchor = lines[anchorLine]!;
  const eol = text.startsWith('\r\n', anchor.end) ? '\r\n' : text[anchor.end] === '\r' ? '\r' : '\n';
  const next = lines[anchorLine + 1];
  const blankNext = next !== undefined && !text.slice(next.start, next.end).trim();
  return {
    title: `Add a ${caption} caption line`,
    edits: [{ range: rangeAt(lines, anchor.end, anchor.end), newText: `${eol}${blankNext ? eol : ''}${caption}` }],
    safe: false,
  };
}

function attempt(cable: Cable, start: number, end: number, text: string, malformed?: MalformedBanner): BannerAttempt {
  const level = readLeadingLevel(text);
  let wrapped = false;
  if (level && !text.slice(level.at + level.length).trim()) {
    // A banner wrapped after its level in a published copy (09BAKU687) is complete.
    const i = lineIndexAt(cable.lines, start);
    let j = i + 1;
    while (j < cable.lines.length && !cable.text.slice(cable.lines[j]!.start, cable.lines[j]!.end).trim()) j++;
    const next = j < cable.lines.length ? cable.text.slice(cable.lines[j]!.start, cable.lines[j]!.end) : '';
    wrapped = j <= i + 2 && BANNER_TAIL.test(next);
  }
  return frozen({
    start,
    text,
    range: malformed?.range ?? rangeAt(cable.lines, start, end),
    ...(level ? { level, levelRange: rangeAt(cable.lines, start + level.at, start + level.at + level.length) } : {}),
    wrapped,
    ...(malformed ? { malformed } : {}),
  });
}

/**
 * Bounded by the classification region, so linear: between the envelope's FM line (a broken
 * banner is otherwise read as one more addressee) or the document start, and the first header
 * field.
 */
function bannerAttemptsOf(cable: Cable): BannerAttempt[] {
  const out: BannerAttempt[] = [];
  for (const m of cable.malformedBanners) out.push(attempt(cable, m.range.start.offset, m.range.end.offset, m.text, m));
  if (cable.banner) return out;
  const env = cable.envelope;
  const { lines, text } = cable;
  const startLine = env ? (env.fm ?? env.lines[env.lines.length - 1]!).range.end.line + 1 : 0;
  const stop = cable.headerOrder[0] ?? cable.paragraphs[0];
  const endLine = Math.min(stop ? stop.range.start.line : startLine + 40, lines.length);
  // A broken banner at the top of a draft is read as preamble: scan that, skip the rest of the wrapper.
  const wrapper = cable.wrapper.filter((w) => w.role !== 'preamble');
  for (let i = startLine; i < endLine; i++) {
    const ln = lines[i]!;
    if (wrapper.some((w) => w.range.start.line <= i && i <= w.range.end.line)) continue;
    const raw = text.slice(ln.start, ln.end).replace(/[\s\\]+$/, '');
    if (!raw.trim()) continue;
    const level = readLeadingLevel(raw);
    if (!level) continue;
    const rest = raw.slice(level.at + level.length);
    if (level.distance === 0) {
      // The level word followed by something banner-like, or alone on its line.
      if (!/^\s*$|^\s+(?:SECTION\b|[A-Za-z][A-Za-z .'-]*\s\S*\d)/i.test(rest)) continue;
    } else if (!misspeltLevel(level) || !/\d{3}/.test(rest) || raw.includes('/')) continue;
    out.push(attempt(cable, ln.start + level.at, ln.start + raw.length, raw.slice(level.at)));
  }
  return out;
}
