/**
 * The line between the cable and its publication: what in the text can only be the publisher's
 * doing (spec 4.2, 4.3). A cable leaves the telegraph with lines of at most 69 characters, no
 * `¶`, no redaction and its whole text; a page that shows any of these is a published copy even
 * when its ACP-127 envelope survived, and is never linted as transmitted.
 */
import type { Cable } from '../../../grammar/src/ast';

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
const REDACTION = /[Xx]{10}/;

export function readPublication(cable: Cable): Publication {
  const evidence: PublicationEvidence[] = [];
  if (cable.partialExtract) evidence.push('partial-extract');
  if (cable.wrapper.some((w) => w.role !== 'envelope-copy' || w.text.trim().length > 0)) evidence.push('wrapper');
  if (cable.pageMarkers.length > 0) evidence.push('page-markers');
  if (cable.paragraphs.some((p) => p.pilcrow) || PILCROW_LINE.test(cable.text)) evidence.push('pilcrow');
  if (cable.reflowed || cable.lines.some((l) => l.end - l.start > REFLOWED_LINE)) evidence.push('reflowed');
  if (REDACTION.test(cable.text)) evidence.push('redacted');
  if (truncated(cable)) evidence.push('truncated');
  const mediaHeader = cable.eo !== undefined && MEDIA_EO.test(cable.eo.text);
  return Object.freeze({ evidence: Object.freeze(evidence), published: evidence.length > 0, mediaHeader });
}

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
