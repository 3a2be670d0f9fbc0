/**
 * The line between the cable and its publication: what in the text can only be the publisher's
 * doing (spec 4.2, 4.3). A cable leaves the telegraph with lines of at most 69 characters, no
 * `¶`, no redaction and its whole text; a page that shows any of these is a published copy even
 * when its ACP-127 envelope survived, and is never linted as transmitted.
 */
import type { Cable } from '../../../grammar/src/ast';
import { lineIndexAt } from '../../../grammar/src/positions';
import { isSecretaryOfStateSurname, postByBannerPost, secretariesOfStateOn } from '../data/index';
import type { BannerAttempt } from './classification';
import type { CableDate } from './dates';
import { deStationSerial, envelopeLevel, fmPost } from './envelope';
import type { Lazy } from './types';

export type PublicationEvidence =
  /** `This record is a partial extract of the original cable…` */
  | 'partial-extract'
  /** Page text, metadata rows, trailers, date lines, a cut-off header preview (spec 4.2). */
  | 'wrapper'
  /** `REYKJAVIK 00000457  002 OF 002`: the published form of a section start. */
  | 'page-markers'
  /** `¶` at the start of a line (`¶3.`, `¶B. STATE 1234`): the WikiLeaks renderer's mark. */
  | 'pilcrow'
  /** A line longer than any teleprinter line (over 150 characters): paragraphs run together. */
  | 'reflowed'
  /** `XXXXXXXXXXXX`: the publisher's redaction. */
  | 'redacted'
  /** An envelope and a header with no text below them: the page was cut off. */
  | 'truncated';

export interface Publication {
  /** Why the text is a published copy, in the order above; empty for a transmission or a draft. */
  readonly evidence: readonly PublicationEvidence[];
  /** Any evidence at all: what the `published` profile stands on. */
  readonly published: boolean;
  /**
   * The header as media-edited copies rewrote it: `EO 12958 DECL: …` over `TAGS PREL, PGOV, …`
   * (the 306 `EO` lines of the public corpus are all followed by a colon-less `TAGS`). Only the
   * published profile reads it so; in a draft the same line is the drafter's slip.
   */
  readonly mediaHeader: boolean;
}

export const NO_PUBLICATION: Publication = Object.freeze({ evidence: Object.freeze([]), published: false, mediaHeader: false });

/** Longer than 150 characters: twice a teleprinter line, the bound the spec uses for reflowed text (4.1). */
const REFLOWED_LINE = 150;
const PILCROW_LINE = /(?:^|[\n\r])[ \t]*¶/;
/** The publisher's redaction: ten `X` or `x` in a row (`XXXXXXXXXXXX`). */
const REDACTION_RUN = 10;

/**
 * Whether the text holds a run of `REDACTION_RUN` letters X or x. Such a run covers one of every
 * `REDACTION_RUN` positions, so only those are looked at, and the run around an X found there:
 * a tenth of the text read, where a pattern tried at every position read all of it.
 */
function hasRedaction(text: string): boolean {
  const isX = (i: number) => {
    const c = text.charCodeAt(i);
    return c === 0x58 || c === 0x78;
  };
  for (let i = REDACTION_RUN - 1; i < text.length; i += REDACTION_RUN) {
    if (!isX(i)) continue;
    let a = i;
    while (a > 0 && isX(a - 1)) a--;
    let b = i + 1;
    while (b < text.length && b - a < REDACTION_RUN && isX(b)) b++;
    if (b - a >= REDACTION_RUN) return true;
  }
  return false;
}

/**
 * `published` answers at the first piece of evidence, the cheapest asked first (every text is
 * asked, to choose its profile, and the wrapper or a page marker answers for most published
 * copies before any line or the whole text is read); the full list only when something shows it.
 */
export function readPublication(cable: Cable, lazy: Lazy): Publication {
  const evidence = lazy('publication.evidence', () => Object.freeze(EVIDENCE.filter((e) => PROOF[e](cable))), NO_PUBLICATION.evidence);
  const published = lazy('publication.published', () => CHEAPEST_FIRST.some((e) => PROOF[e](cable)), false);
  return new PublicationMeaning(cable, evidence, published);
}

/** A class, so that the getters sit on the prototype: getters in a literal leave the object in V8's dictionary mode. */
class PublicationMeaning implements Publication {
  readonly #evidence: () => readonly PublicationEvidence[];
  readonly #published: () => boolean;
  readonly mediaHeader: boolean;

  constructor(cable: Cable, evidence: () => readonly PublicationEvidence[], published: () => boolean) {
    this.#evidence = evidence;
    this.#published = published;
    this.mediaHeader = cable.eo !== undefined && MEDIA_EO.test(cable.eo.text);
    Object.freeze(this);
  }

  get evidence(): readonly PublicationEvidence[] {
    return this.#evidence();
  }

  get published(): boolean {
    return this.#published();
  }
}

/** What shows each kind of evidence. */
const PROOF: Record<PublicationEvidence, (cable: Cable) => boolean> = {
  'partial-extract': (cable) => cable.partialExtract === true,
  wrapper: (cable) => cable.wrapper.some((w) => w.role !== 'envelope-copy' || w.text.trim().length > 0),
  'page-markers': (cable) => cable.pageMarkers.length > 0,
  // `includes` first: most texts have no `¶` at all, and it is far cheaper than the pattern.
  pilcrow: (cable) => cable.paragraphs.some((p) => p.pilcrow) || (cable.text.includes('¶') && PILCROW_LINE.test(cable.text)),
  reflowed: (cable) => cable.reflowed === true || cable.lines.some((l) => l.end - l.start > REFLOWED_LINE),
  redacted: (cable) => hasRedaction(cable.text),
  truncated,
};
/** The evidence in the order `evidence` lists it. */
const EVIDENCE: readonly PublicationEvidence[] = ['partial-extract', 'wrapper', 'page-markers', 'pilcrow', 'reflowed', 'redacted', 'truncated'];
/** The same, by what it costs to look: fields of the tree, then its paragraphs, its lines, the whole text. */
const CHEAPEST_FIRST: readonly PublicationEvidence[] = ['partial-extract', 'wrapper', 'page-markers', 'truncated', 'pilcrow', 'reflowed', 'redacted'];

const MEDIA_EO = /^\s*EO\s+1\d{4}\b/;

/**
 * An envelope, header fields, and nothing below them: no telegraph sends that, a page cut off
 * after its header does (a draft being written has no envelope, so it is never read this way).
 */
function truncated(cable: Cable): boolean {
  if (!cable.envelope || cable.headerOrder.length === 0) return false;
  if (cable.paragraphs.length > 0 || cable.signature || cable.endOfMessage) return false;
  return cable.text.slice(cable.textStart).trim().length === 0;
}

/**
 * Why a page carries another cable than its own (issue 17): the publisher's mix-ups, which the
 * rule pages attribute to publication rather than to the drafter.
 */
export interface AnotherCable {
  /**
   * The envelope is another cable's than the banner below it: the banner's post and serial both
   * differ from the envelope's FM post and DE serial (07PARIS2725: Paris's envelope above `S E C R E T
   * SECTION 01 OF 04 MOSCOW 005154`; 08LAPAZ751 above BOGOTA 004036; 09MOSCOW1108 above SHENYANG 000004).
   */
  readonly envelope: boolean;
  /**
   * The banner line right below the envelope could not be read, and the envelope states what it
   * should repeat (the security line's level, the DE line's serial): a banner garbled where the
   * page joins it to the envelope (`C C O N F I D E N T I A L`, `O N F I D E N T I A L`, a serial cut
   * off, `SECTION 01 GF 02 BISHIEK 00Q021`), not a drafter's form.
   */
  readonly bannerGarbled: boolean;
  /** The line of the banner below the envelope that `envelope` or `bannerGarbled` is about, or -1. */
  readonly bannerLine: number;
  /** Stretches of the text that are another cable's, as offsets. */
  readonly text: readonly ForeignText[];
  /** Any of the above. */
  readonly carried: boolean;
}

export interface ForeignText {
  readonly start: number;
  readonly end: number;
  /**
   * `after-signature`: the cable's signature stands alone on a line and numbered paragraphs go on
   * below it, numbered back (09RANGOON378: `DINGER`, then another cable's ¶6–12, a merged release);
   * `spliced`: a garbled splice (`RHTQwsQfjQQQocuments`) after which the numbering goes back, up
   * to the next page marker (10KABUL102: a Damascus cable's ¶6–7 inside a Kabul cable's page 3);
   * `department-body`: a post's cable signed with the name of the Secretary of State of its day,
   * as the Department's cables are (09VILNIUS84: a STATE demarche to Sanaa signed CLINTON under a
   * Vilnius header), the whole text.
   */
  readonly evidence: 'after-signature' | 'spliced' | 'department-body';
}

export const NO_ANOTHER_CABLE: AnotherCable = Object.freeze({ envelope: false, bannerGarbled: false, bannerLine: -1, text: Object.freeze([]), carried: false });

/** What marks a word holding a `QQ` run as a transmission garble: lower case or a symbol beside it. */
const GARBLE = /[a-z%#^>=&[\]]/;
const SPACE = /\s/;

/**
 * The first word of the text from `from` (a run of non-space) that holds a `QQ` run and lower
 * case or a symbol: a transmission garble the archive spliced in. Found from each `QQ` outwards:
 * a pattern that looked for the mixed word from every position backtracked over every word of the
 * text (a sixth of full validation on the public corpus).
 */
export function spliceAt(text: string, from: number): { start: number; end: number } | undefined {
  for (let q = text.indexOf('QQ', from); q >= 0; ) {
    let start = q;
    while (start > from && !SPACE.test(text[start - 1]!)) start--;
    let end = q + 2;
    while (end < text.length && !SPACE.test(text[end]!)) end++;
    if (GARBLE.test(text.slice(start, end))) return { start, end };
    q = text.indexOf('QQ', end);
  }
  return undefined;
}

export function readAnotherCable(
  cable: Cable,
  bannerAttempts: () => readonly BannerAttempt[],
  cableDate: () => CableDate | undefined,
  signers: () => readonly string[],
): AnotherCable {
  const env = cable.envelope;
  // The banner line below the envelope's FM line; a garbled one may have been read as an addressee.
  const fm = env?.fm ?? env?.lines[0];
  const attempt = fm ? bannerAttempts().find((a) => a.range.start.offset > fm.range.end.offset) : undefined;
  const envelope = env !== undefined && bannerOfAnother(cable, attempt);
  const bannerGarbled = env !== undefined && attempt !== undefined && seam(cable, attempt) && envelopeLevel(cable) !== null && deStationSerial(cable) !== null;
  const text = [...afterSignature(cable), ...spliced(cable), ...departmentBody(cable, cableDate, signers())];
  if (!envelope && !bannerGarbled && !text.length) return NO_ANOTHER_CABLE;
  const bannerLine = (cable.banner ?? attempt)?.range.start.line ?? -1;
  return Object.freeze({ envelope, bannerGarbled, bannerLine, text: Object.freeze(text), carried: true });
}

/** The banner line stands right below a line of the envelope: where a page joins the two. */
function seam(cable: Cable, attempt: BannerAttempt): boolean {
  const line = attempt.range.start.line;
  return cable.envelope!.lines.some((l) => l.range.end.line < line && line - l.range.end.line <= 2);
}

/** `… SHENYANG 000004`: the post and serial a banner line ends with, read or not. */
const POST_SERIAL = /(?<post>[A-Z][A-Z .'-]*[A-Z]) +(?<serial>\d{3,8})\b/;

function bannerOfAnother(cable: Cable, attempt: BannerAttempt | undefined): boolean {
  const own = fmPost(cable);
  const de = deStationSerial(cable);
  if (own === undefined || de === null) return false;
  let post: string | undefined;
  let serial: number | undefined;
  if (cable.banner) {
    post = cable.banner.post.text;
    serial = Number.parseInt(cable.banner.serial.text, 10);
  } else if (attempt) {
    const m = POST_SERIAL.exec(attempt.text.replace(/^.*\bSECTION +\S+ +\S+ +\S+ +/, ''));
    post = m?.groups!.post;
    serial = m ? Number(m.groups!.serial) : undefined;
  }
  if (post === undefined || serial === undefined || !Number.isFinite(serial)) return false;
  const shown = postByBannerPost(post)?.refidPost;
  // Station serials run to four digits: `DE RUEHC #2745` for STATE 202745.
  return shown !== undefined && own !== shown && serial % 10000 !== de % 10000;
}

/** Numbered paragraphs below an earlier line holding the cable's signature alone, numbered back. */
function afterSignature(cable: Cable): ForeignText[] {
  const sig = cable.signature;
  const name = sig && !sig.appended ? sig.text.trim() : '';
  if (!/^[A-Z][A-Z' -]{2,}$/.test(name) || /^X+$/.test(name)) return [];
  const { text, lines, textStart } = cable;
  const stop = lines[sig!.range.start.line]!.start;
  // Only a line that holds the name can be the name alone: one search of the text for it finds
  // those few lines (reading every line above the signature cost more than the rest of the meaning).
  for (let at = text.indexOf(name, textStart); at >= 0 && at < stop; ) {
    const l = lineIndexAt(lines, at);
    const line = lines[l]!;
    if (l >= cable.range.start.line && line.start >= textStart && text.slice(line.start, line.end).trim() === name && numberedBack(cable, line.start, line.end)) {
      return [{ start: line.end, end: text.length, evidence: 'after-signature' }];
    }
    at = text.indexOf(name, Math.max(line.end, at + 1));
  }
  return [];
}

/** A garbled splice, then paragraphs numbered back: another cable's up to the next page marker. */
function spliced(cable: Cable): ForeignText[] {
  const at = spliceAt(cable.text, cable.textStart);
  if (!at) return [];
  const { start } = at;
  if (!numberedBack(cable, start, at.end)) return [];
  const end = cable.pageMarkers.find((p) => p.range.start.offset > start)?.range.start.offset ?? cable.text.length;
  return [{ start, end, evidence: 'spliced' }];
}

/** The first paragraph after `to` is numbered at or below the last one before `from`. */
function numberedBack(cable: Cable, from: number, to: number): boolean {
  const before = cable.paragraphs.filter((p) => p.range.start.offset < from).at(-1);
  const after = cable.paragraphs.find((p) => p.range.start.offset >= to);
  return before !== undefined && after !== undefined && after.number <= before.number;
}

/** Who sends in the Secretary's name: the Department and the Secretary's own party. */
const DEPARTMENT = /^(?:STATE|SECSTATE|SECTO|PARTO|TOSEC|USDEL)/;

/**
 * A post's cable signed by the Secretary of State of its day: the Department's body under the
 * post's header. The Department signs every cable with the Secretary's surname; a post signs with
 * its chief of mission's (USUN New York's `RICE` of 2009 is Susan Rice, not the Secretary then).
 */
function departmentBody(cable: Cable, cableDate: () => CableDate | undefined, signers: readonly string[]): ForeignText[] {
  // Most signers never were Secretary: nothing below (the sender, the day, who was in office) is
  // read for them.
  if (!signers.some(isSecretaryOfStateSurname)) return [];
  const fm = cable.envelope?.fm?.plad?.text.trim();
  const sender = fmPost(cable) ?? (cable.banner ? postByBannerPost(cable.banner.post.text)?.refidPost : undefined);
  if (sender === undefined || DEPARTMENT.test(sender) || (fm !== undefined && DEPARTMENT.test(fm)) || (cable.banner && DEPARTMENT.test(cable.banner.post.text))) return [];
  const date = cableDate();
  if (!date || !secretariesOfStateOn(date).some((s) => signers.includes(s.surname))) return [];
  return [{ start: cable.textStart, end: cable.text.length, evidence: 'department-body' }];
}
