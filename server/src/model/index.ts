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
import { type AnotherCable, NO_ANOTHER_CABLE, NO_PUBLICATION, type Publication, readAnotherCable, readPublication } from './publication';
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
  /** Whether and where the page carries another cable's envelope, banner or text (publisher mix-ups, issue 17). */
  readonly anotherCable: AnotherCable;
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

const UNSET: unique symbol = Symbol('unset');

class Model implements CableModel {
  readonly #failures: ModelFailure[] = [];
  readonly #views = new Map<symbol, unknown>();
  // One slot per meaning (UNSET until asked): a private field is read as fast as a property, the
  // model stays frozen from outside.
  #dates: Dates | typeof UNSET = UNSET;
  #classification: Classification | typeof UNSET = UNSET;
  #header: Header | typeof UNSET = UNSET;
  #blocks: Blocks | typeof UNSET = UNSET;
  #numbering: Numbering | typeof UNSET = UNSET;
  #sections: Sections | typeof UNSET = UNSET;
  #references: References | typeof UNSET = UNSET;
  #wrapper: Wrapper | typeof UNSET = UNSET;
  #publication: Publication | typeof UNSET = UNSET;
  #anotherCable: AnotherCable | typeof UNSET = UNSET;
  #envelope: EnvelopeModel | typeof UNSET = UNSET;
  #tags: Tags | typeof UNSET = UNSET;
  #blank: boolean | typeof UNSET = UNSET;
  #tagList: TagList | typeof UNSET = UNSET;
  #subject: Subject | typeof UNSET = UNSET;
  #citedCables: readonly CitedCable[] | typeof UNSET = UNSET;
  #addressees: Addressees | typeof UNSET = UNSET;
  #authority: Authority | typeof UNSET = UNSET;
  #summary: Summary | typeof UNSET = UNSET;
  #signers: readonly string[] | typeof UNSET = UNSET;
  #identity: Identity | typeof UNSET = UNSET;
  #referenceId: string | null | typeof UNSET = UNSET;

  constructor(readonly cable: Cable) {
    Object.freeze(this);
  }

  get failures(): readonly ModelFailure[] {
    return Object.freeze([...this.#failures]);
  }

  /** Computes a meaning or a part of one, containing a failure (the model never throws). */
  #compute<T>(meaning: string, compute: () => T, empty: T): T {
    try {
      return compute();
    } catch (err) {
      this.#failures.push(Object.freeze({ meaning, message: (err as Error)?.message ?? String(err) }));
      return empty;
    }
  }

  // Each part memoised in its own closure: rules ask for the same meanings again and again, and
  // a lookup by name on every ask cost more than some of the meanings themselves.
  readonly #lazy: Lazy = (part, compute, empty) => {
    let done = false;
    let value = empty;
    return () => {
      if (!done) {
        value = this.#compute(part, compute, empty);
        done = true;
      }
      return value;
    };
  };

  view<T>(key: symbol, build: () => T): T {
    if (!this.#views.has(key)) this.#views.set(key, build());
    return this.#views.get(key) as T;
  }

  get dates(): Dates {
    if (this.#dates === UNSET) this.#dates = this.#compute('dates', () => readDates(this.cable), NO_DATES);
    return this.#dates;
  }

  get classification(): Classification {
    if (this.#classification === UNSET) this.#classification = this.#compute('classification', () => readClassification(this.cable, this.#lazy), NO_CLASSIFICATION);
    return this.#classification;
  }

  get header(): Header {
    if (this.#header === UNSET) this.#header = this.#compute('header', () => readHeader(this.cable, this.#lazy), NO_HEADER);
    return this.#header;
  }

  get blocks(): Blocks {
    if (this.#blocks === UNSET) this.#blocks = this.#compute('blocks', () => readBlocks(this.cable), NO_BLOCKS);
    return this.#blocks;
  }

  get numbering(): Numbering {
    if (this.#numbering === UNSET) this.#numbering = this.#compute('numbering', () => readNumbering(this.cable, this.#lazy), NO_NUMBERING);
    return this.#numbering;
  }

  get sections(): Sections {
    if (this.#sections === UNSET) this.#sections = this.#compute('sections', () => readSections(this.cable, this.#lazy), NO_SECTIONS);
    return this.#sections;
  }

  get references(): References {
    if (this.#references === UNSET) this.#references = this.#compute('references', () => readReferences(this.cable, () => this.numbering.runs, this.#lazy), NO_REFERENCES);
    return this.#references;
  }

  get wrapper(): Wrapper {
    if (this.#wrapper === UNSET) this.#wrapper = this.#compute('wrapper', () => readWrapper(this.cable, this.#lazy), NO_WRAPPER);
    return this.#wrapper;
  }

  get publication(): Publication {
    if (this.#publication === UNSET) this.#publication = this.#compute('publication', () => readPublication(this.cable, this.#lazy), NO_PUBLICATION);
    return this.#publication;
  }

  get anotherCable(): AnotherCable {
    if (this.#anotherCable === UNSET) {
      this.#anotherCable = this.#compute('anotherCable', () => readAnotherCable(this.cable, () => this.classification.bannerAttempts, () => this.dates.cableDate, () => this.signers), NO_ANOTHER_CABLE);
    }
    return this.#anotherCable;
  }

  get envelope(): EnvelopeModel {
    if (this.#envelope === UNSET) this.#envelope = this.#compute('envelope', () => readEnvelope(this.cable, () => this.classification.bannerAttempts, this.#lazy), NO_ENVELOPE);
    return this.#envelope;
  }

  get tags(): Tags {
    if (this.#tags === UNSET) this.#tags = this.#compute('tags', () => readTags(this.cable, this.header.tagsLines), NO_TAGS);
    return this.#tags;
  }

  get blank(): boolean {
    if (this.#blank === UNSET) this.#blank = this.#compute('blank', () => !/\S/.test(this.cable.text), false);
    return this.#blank;
  }

  get tagList(): TagList {
    if (this.#tagList === UNSET) this.#tagList = this.#compute('tagList', () => readTagList(this.cable.text, this.tags, this.dates.cableDate), NO_TAG_LIST);
    return this.#tagList;
  }

  get subject(): Subject {
    if (this.#subject === UNSET) this.#subject = this.#compute('subject', () => readSubject(this.cable.subject), NO_SUBJECT);
    return this.#subject;
  }

  get citedCables(): readonly CitedCable[] {
    if (this.#citedCables === UNSET) this.#citedCables = this.#compute('citedCables', () => readCitedCables(this.cable, this.dates.cableDate), Object.freeze([]));
    return this.#citedCables;
  }

  get addressees(): Addressees {
    const env = this.cable.envelope;
    if (this.#addressees === UNSET) this.#addressees = this.#compute('addressees', () => (env ? readAddressees(env.to, env.info, this.envelope) : NO_ADDRESSEES), NO_ADDRESSEES);
    return this.#addressees;
  }

  get authority(): Authority {
    if (this.#authority === UNSET) this.#authority = this.#compute('authority', () => readAuthority(this.cable, this.dates), NO_AUTHORITY);
    return this.#authority;
  }

  get summary(): Summary {
    if (this.#summary === UNSET) this.#summary = this.#compute('summary', () => readSummary(this.cable, this.blocks), NO_SUMMARY);
    return this.#summary;
  }

  get signers(): readonly string[] {
    if (this.#signers === UNSET) this.#signers = this.#compute('signers', () => readSigners(this.cable.signature), Object.freeze([]));
    return this.#signers;
  }

  get identity(): Identity {
    if (this.#identity === UNSET) this.#identity = this.#compute('identity', () => readIdentity(this.cable, this.classification, this.dates.cableDate, this.referenceId), NO_IDENTITY);
    return this.#identity;
  }

  get referenceId(): string | null {
    if (this.#referenceId === UNSET) this.#referenceId = this.#compute('referenceId', () => readReferenceId(this.cable, this.dates.cableDate), null);
    return this.#referenceId;
  }
}

/**
 * Where a tree keeps its model: a hidden slot on the tree itself (not enumerable, not writable,
 * keyed by a symbol nothing else has), so that the tree and its model are one ordinary cycle and
 * die together. A `WeakMap` from tree to model held each tree through the young generation's
 * collections (an entry whose value refers back to its key is an ephemeron the scavenger does not
 * clear): parsing fresh trees and building their models cost 1.6-2.0x a parse that way, ~1.2x
 * with the slot. (A full lint runs long enough that its tree outlives scavenges either way: the
 * same number of collections and bytes promoted were measured on that path with either.) A tree
 * that cannot take the slot (frozen by its owner) falls back to the map.
 */
const MODEL: unique symbol = Symbol('cable model');
type Holder = Cable & { readonly [MODEL]?: CableModel };
const frozenTrees = new WeakMap<Cable, CableModel>();

/** The model of a parsed cable: built on first use, the same object for the same tree. */
export function modelOf(cable: Cable): CableModel {
  const own = (cable as Holder)[MODEL];
  if (own !== undefined) return own;
  let m = frozenTrees.get(cable);
  if (m) return m;
  m = new Model(cable);
  if (Object.isExtensible(cable)) Object.defineProperty(cable, MODEL, { value: m });
  else frozenTrees.set(cable, m);
  return m;
}

export type { CableDate, DeclReading, DowngradeReading, ReferenceDate } from './dates';
export type { BlockClose, BlockOpen, BlockSpan } from './blocks';
export type { BannerAttempt, LeadingLevel } from './classification';
export type { NumberingStep } from './numbering';
export type { ParagraphReference, RefCitation } from './references';
export type { SectionEvidence } from './sections';
export type { AnotherCable, ForeignText, PublicationEvidence } from './publication';
export type { AddresseeLine, RoutingIndicatorUse } from './envelope';
export type { TagEntry, TagKindGroup, TagStatus } from './tags';
export type { Correction } from './types';
export type { AddresseeEntry } from './addressees';
export type { ClassifiedByRecord } from './authority';
export type { CitedCable, ReferenceKind } from './cited-cables';
export type { IndexTag, IndexTagKind } from './tag-list';
