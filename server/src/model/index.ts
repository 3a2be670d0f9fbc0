/**
 * The cable model: what a parsed cable means, between the tree and everything that reads it.
 * One module per meaning (dates, classification, blocks, numbering, sections, TAGS, references,
 * header, envelope, wrapper), each computed the first time something asks for it and then kept.
 * `modelOf` is the one entry point: the rules, the language service and the Node API read the
 * same answers, so a hover cannot contradict a rule.
 *
 * Invariants: computed at most once per tree (one cache, here); inert from outside (the model and
 * each meaning are frozen, the records and lists they hold typed read-only; the tree itself is the
 * grammar's); never throws (a meaning
 * whose computation fails answers empty, and the failure is listed in `failures` for the linter
 * to report).
 */
import type { Cable } from '../../../grammar/src/ast';
import { type Addressees, NO_ADDRESSEES, readAddressees } from './addressees';
import { type Authority, NO_AUTHORITY, readAuthority } from './authority';
import { type Blocks, NO_BLOCKS, readBlocks } from './blocks';
import { type CitedCable, readCitedCables } from './cited-cables';
import { type Classification, NO_CLASSIFICATION, readClassification } from './classification';
import { type Dates, NO_DATES, readDates } from './dates';
import { type EnvelopeModel, NO_ENVELOPE, readEnvelope } from './envelope';
import { type Header, NO_HEADER, readHeader } from './header';
import { type Identity, NO_IDENTITY, readIdentity } from './identity';
import { NO_NUMBERING, type Numbering, readNumbering } from './numbering';
import { readReferenceId } from './reference-id';
import { NO_REFERENCES, readReferences, type References } from './references';
import { NO_PUBLICATION, type Publication, readPublication } from './publication';
import { NO_SECTIONS, readSections, type Sections } from './sections';
import { readSigners } from './signers';
import { NO_SUBJECT, readSubject, type Subject } from './subject';
import { NO_SUMMARY, readSummary, type Summary } from './summary';
import { NO_TAG_LIST, readTagList, type TagList } from './tag-list';
import { NO_TAGS, readTags, type Tags } from './tags';
import type { Lazy } from './types';
import { NO_WRAPPER, readWrapper, type Wrapper } from './wrapper';

export interface ModelFailure {
  /** The meaning that could not be computed (`blocks`, `tags` …). */
  meaning: string;
  message: string;
}

export interface CableModel {
  readonly cable: Cable;
  readonly dates: Dates;
  readonly classification: Classification;
  readonly header: Header;
  readonly blocks: Blocks;
  readonly numbering: Numbering;
  readonly sections: Sections;
  readonly envelope: EnvelopeModel;
  readonly tags: Tags;
  readonly references: References;
  readonly wrapper: Wrapper;
  /**
   * The text holds nothing but white space (none at all, blank lines, tabs, a byte-order mark):
   * not yet a cable, so there is nothing any rule could say about it.
   */
  readonly blank: boolean;
  /** What only a publisher does to a text (reflowing, `¶`, redaction, page markers, a cut-off page): the `published` profile's evidence. */
  readonly publication: Publication;
  /** The TAGS as an index lists them (upper case, each once, personal and multi-word tags whole). */
  readonly tagList: TagList;
  /** The subject text alone (no portion mark, character references decoded). */
  readonly subject: Subject;
  /** What each REF item cites, with the reference id of a cited cable. */
  readonly citedCables: readonly CitedCable[];
  /** The TO and INFO addressees of the envelope. */
  readonly addressees: Addressees;
  /** Classified By, the DECL value and the executive order. */
  readonly authority: Authority;
  /** The text of the summary block. */
  readonly summary: Summary;
  /** The signing surname(s). */
  readonly signers: readonly string[];
  /** Id, post, serial and classification: the banner's, or the envelope's when the banner is garbled or missing. */
  readonly identity: Identity;
  /** The reference id the text gives (`08REYKJAVIK457`): DTG year, banner post, serial; null without date or banner. */
  readonly referenceId: string | null;
  /** Meanings whose computation failed (and answer empty). */
  readonly failures: readonly ModelFailure[];
  /**
   * A view built from the model once per tree and kept with it (the service's position index
   * and body structure), so that nothing else keeps a cache per tree.
   */
  view<T>(key: symbol, build: () => T): T;
}

class Model implements CableModel {
  readonly #failures: ModelFailure[] = [];
  readonly #memo = new Map<string | symbol, unknown>();

  constructor(readonly cable: Cable) {
    Object.freeze(this);
  }

  get failures(): readonly ModelFailure[] {
    return Object.freeze([...this.#failures]);
  }

  #get<T>(meaning: string, compute: () => T, empty: T): T {
    if (this.#memo.has(meaning)) return this.#memo.get(meaning) as T;
    let value: T;
    try {
      value = compute();
    } catch (err) {
      this.#failures.push(Object.freeze({ meaning, message: (err as Error)?.message ?? String(err) }));
      value = empty;
    }
    this.#memo.set(meaning, value);
    return value;
  }

  readonly #lazy: Lazy = (part, compute, empty) => () => this.#get(part, compute, empty);

  view<T>(key: symbol, build: () => T): T {
    if (!this.#memo.has(key)) this.#memo.set(key, build());
    return this.#memo.get(key) as T;
  }

  get dates(): Dates {
    return this.#get('dates', () => readDates(this.cable), NO_DATES);
  }

  get classification(): Classification {
    return this.#get('classification', () => readClassification(this.cable, this.#lazy), NO_CLASSIFICATION);
  }

  get header(): Header {
    return this.#get('header', () => readHeader(this.cable, this.#lazy), NO_HEADER);
  }

  get blocks(): Blocks {
    return this.#get('blocks', () => readBlocks(this.cable), NO_BLOCKS);
  }

  get numbering(): Numbering {
    return this.#get('numbering', () => readNumbering(this.cable), NO_NUMBERING);
  }

  get sections(): Sections {
    return this.#get('sections', () => readSections(this.cable, this.#lazy), NO_SECTIONS);
  }

  get references(): References {
    return this.#get('references', () => readReferences(this.cable, () => this.numbering.runs, this.#lazy), NO_REFERENCES);
  }

  get wrapper(): Wrapper {
    return this.#get('wrapper', () => readWrapper(this.cable, this.#lazy), NO_WRAPPER);
  }

  get publication(): Publication {
    return this.#get('publication', () => readPublication(this.cable), NO_PUBLICATION);
  }

  get envelope(): EnvelopeModel {
    return this.#get('envelope', () => readEnvelope(this.cable, () => this.classification.bannerAttempts, this.#lazy), NO_ENVELOPE);
  }

  get tags(): Tags {
    return this.#get('tags', () => readTags(this.cable, this.header.tagsLines), NO_TAGS);
  }

  get blank(): boolean {
    return this.#get('blank', () => !/\S/.test(this.cable.text), false);
  }

  get tagList(): TagList {
    return this.#get('tagList', () => readTagList(this.cable.text, this.tags, this.dates.cableDate), NO_TAG_LIST);
  }

  get subject(): Subject {
    return this.#get('subject', () => readSubject(this.cable.subject), NO_SUBJECT);
  }

  get citedCables(): readonly CitedCable[] {
    return this.#get('citedCables', () => readCitedCables(this.cable, this.dates.cableDate), Object.freeze([]));
  }

  get addressees(): Addressees {
    const env = this.cable.envelope;
    return this.#get('addressees', () => (env ? readAddressees(env.to, env.info, this.envelope) : NO_ADDRESSEES), NO_ADDRESSEES);
  }

  get authority(): Authority {
    return this.#get('authority', () => readAuthority(this.cable, this.dates), NO_AUTHORITY);
  }

  get summary(): Summary {
    return this.#get('summary', () => readSummary(this.cable, this.blocks), NO_SUMMARY);
  }

  get signers(): readonly string[] {
    return this.#get('signers', () => readSigners(this.cable.signature), Object.freeze([]));
  }

  get identity(): Identity {
    return this.#get('identity', () => readIdentity(this.cable, this.classification, this.dates.cableDate, this.referenceId), NO_IDENTITY);
  }

  get referenceId(): string | null {
    return this.#get('referenceId', () => readReferenceId(this.cable, this.dates.cableDate), null);
  }
}

const models = new WeakMap<Cable, CableModel>();

/** The model of a parsed cable: built on first use, the same object for the same tree. */
export function modelOf(cable: Cable): CableModel {
  let m = models.get(cable);
  if (!m) models.set(cable, (m = new Model(cable)));
  return m;
}

export type { CableDate, DeclReading, DowngradeReading, ReferenceDate } from './dates';
export type { BlockClose, BlockOpen, BlockSpan } from './blocks';
export type { BannerAttempt, LeadingLevel } from './classification';
export type { NumberingStep } from './numbering';
export type { ParagraphReference, RefCitation } from './references';
export type { SectionEvidence } from './sections';
export type { PublicationEvidence } from './publication';
export type { AddresseeLine, RoutingIndicatorUse } from './envelope';
export type { TagEntry, TagKindGroup, TagStatus } from './tags';
export type { Correction } from './types';
export type { AddresseeEntry } from './addressees';
export type { ClassifiedByRecord } from './authority';
export type { CitedCable, ReferenceKind } from './cited-cables';
export type { IndexTag, IndexTagKind } from './tag-list';
