/**
 * The workspace index: what the editor knows of every cable in the open folders, as facts (its
 * id, date, classification, subject, TAGS and the cables its REF items cite), never as trees.
 * Pure: the host reads the files and hands each text here (`indexedCableOf`), keeps the index
 * current, and asks it which file a citation leads to, which files cite a cable, and which
 * cables match a search. `cable-lint refs` reads a folder through the same index.
 */
import type { Range as LspRange } from 'vscode-languageserver-types';
import type { Cable } from '../../../grammar/src/ast';
import { modelOf } from '../model/index';
import { toLspRange } from './ranges';

/** A REF item's citation of a cable, as the index keeps it. */
export interface IndexedCitation {
  /** The REF item's letter, or null for an unlettered reference. */
  readonly letter: string | null;
  /** The cited id (`07STATE202745`); null when the year cannot be known (an undated draft). */
  readonly id: string | null;
  readonly post: string;
  readonly serial: number;
  /** Four-digit year; null when unknown. */
  readonly year: number | null;
  readonly yearInferred: boolean;
  /** The citation as written, blanks joined. */
  readonly text: string;
  /** From the year or post to the serial. */
  readonly range: LspRange;
}

/** What the index keeps of one cable. */
export interface IndexedCable {
  readonly uri: string;
  readonly id: string | null;
  readonly post: string | null;
  readonly serial: number | null;
  readonly year: number | null;
  /** `2008-05-14T15:30Z`, or null. */
  readonly date: string | null;
  readonly classification: string | null;
  readonly subject: string | null;
  readonly tags: readonly string[];
  /** The banner (the whole first line without one): where a citation of this cable leads. */
  readonly anchor: LspRange;
  readonly citations: readonly IndexedCitation[];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The facts of a parsed cable, as the index keeps them. */
export function indexedCableOf(uri: string, cable: Cable): IndexedCable {
  const model = modelOf(cable);
  const date = model.dates.cableDate;
  const banner = cable.banner;
  const identity = model.identity;
  const first = cable.lines[0];
  const anchor = banner ? toLspRange(banner.range) : { start: { line: 0, character: 0 }, end: { line: 0, character: first ? first.end - first.start : 0 } };
  const citations: IndexedCitation[] = [];
  for (const c of model.citedCables) {
    if (c.kind !== 'cable' || c.post === null || c.serial === null) continue;
    citations.push(
      Object.freeze({
        letter: c.letter,
        id: c.id,
        post: c.post,
        serial: c.serial,
        year: c.year,
        yearInferred: c.yearInferred,
        text: cable.text.slice(c.range.start.offset, c.range.end.offset).replace(/\s+/g, ' '),
        range: toLspRange(c.range),
      }),
    );
  }
  return Object.freeze({
    uri,
    id: identity.id,
    post: identity.post,
    serial: identity.serial,
    year: date?.year ?? null,
    date: date ? `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}T${pad(date.hour)}:${pad(date.minute)}Z` : null,
    classification: identity.classification,
    subject: model.subject.text,
    tags: Object.freeze([...model.tagList.codes]),
    anchor,
    citations: Object.freeze(citations),
  });
}

/** A search hit of `search`, best first. */
export interface SearchHit {
  readonly cable: IndexedCable;
  /** 3: the id; 2: a TAGS code; 1: subject words. */
  readonly score: number;
}

const key = (post: string, serial: number) => `${post}#${serial}`;

/**
 * Rough heap bytes one entry holds: strings count two bytes a character, each object, array and
 * range a fixed overhead. Used to keep the index under its memory cap, not as a measurement.
 */
export function approximateBytes(c: IndexedCable): number {
  let n = 400 + 2 * (c.uri.length + (c.subject?.length ?? 0) + (c.id?.length ?? 0));
  for (const t of c.tags) n += 40 + 2 * t.length;
  for (const r of c.citations) n += 260 + 2 * r.text.length;
  return n;
}

export class WorkspaceIndex {
  readonly #byUri = new Map<string, IndexedCable>();
  /** `POST#serial` → the files whose banner says so. */
  readonly #byPostSerial = new Map<string, Set<string>>();
  /** `POST#serial` → the files with a citation of it. */
  readonly #citing = new Map<string, Set<string>>();
  #bytes = 0;

  get size(): number {
    return this.#byUri.size;
  }

  /** The approximate heap the entries hold (see `approximateBytes`). */
  get bytes(): number {
    return this.#bytes;
  }

  get(uri: string): IndexedCable | undefined {
    return this.#byUri.get(uri);
  }

  entries(): IterableIterator<IndexedCable> {
    return this.#byUri.values();
  }

  set(entry: IndexedCable): void {
    this.delete(entry.uri);
    this.#byUri.set(entry.uri, entry);
    this.#bytes += approximateBytes(entry);
    if (entry.post !== null && entry.serial !== null) add(this.#byPostSerial, key(entry.post, entry.serial), entry.uri);
    for (const c of entry.citations) add(this.#citing, key(c.post, c.serial), entry.uri);
  }

  delete(uri: string): void {
    const old = this.#byUri.get(uri);
    if (!old) return;
    this.#byUri.delete(uri);
    this.#bytes -= approximateBytes(old);
    if (old.post !== null && old.serial !== null) remove(this.#byPostSerial, key(old.post, old.serial), uri);
    for (const c of old.citations) remove(this.#citing, key(c.post, c.serial), uri);
  }

  clear(): void {
    this.#byUri.clear();
    this.#byPostSerial.clear();
    this.#citing.clear();
    this.#bytes = 0;
  }

  /**
   * The cable a citation leads to: same post and serial; a year written in the reference must
   * match; an inferred year takes the nearest year at or before the citing cable's (a cable
   * answers an earlier one, never a later one); an unknown year, the latest. Undefined when no
   * indexed cable matches.
   */
  resolve(citation: Pick<IndexedCitation, 'post' | 'serial' | 'year' | 'yearInferred'>, exclude?: string): IndexedCable | undefined {
    const uris = this.#byPostSerial.get(key(citation.post, citation.serial));
    if (!uris) return undefined;
    const candidates = [...uris].filter((u) => u !== exclude).map((u) => this.#byUri.get(u)!);
    if (candidates.length === 0) return undefined;
    const year = citation.year;
    if (year !== null && !citation.yearInferred) return candidates.find((c) => c.year === year);
    const byYear = (a: IndexedCable, b: IndexedCable) => (b.year ?? -1) - (a.year ?? -1) || a.uri.localeCompare(b.uri);
    const sorted = [...candidates].sort(byYear);
    if (year === null) return sorted[0];
    // A cable cites only what was sent before it: never a later year's cable of the same serial.
    return sorted.find((c) => c.year !== null && c.year <= year) ?? sorted.find((c) => c.year === null);
  }

  /** Every citation in the index that leads to `target` (which need not be indexed itself: an open, edited copy). */
  citedBy(target: Pick<IndexedCable, 'uri' | 'post' | 'serial' | 'year'>): { cable: IndexedCable; citation: IndexedCitation }[] {
    if (target.post === null || target.serial === null) return [];
    const out: { cable: IndexedCable; citation: IndexedCitation }[] = [];
    for (const uri of [...(this.#citing.get(key(target.post, target.serial)) ?? [])].sort()) {
      if (uri === target.uri) continue;
      const citing = this.#byUri.get(uri)!;
      for (const c of citing.citations) {
        if (c.post !== target.post || c.serial !== target.serial) continue;
        // The citation must lead here, not to another year's cable of the same serial.
        const to = this.#byUri.has(target.uri) ? this.resolve(c, uri) : undefined;
        const leadsHere = to ? to.uri === target.uri : c.year === null || target.year === null || c.year === target.year || c.yearInferred;
        if (leadsHere) out.push({ cable: citing, citation: c });
      }
    }
    return out;
  }

  /**
   * Cables matching a workspace-symbol query: by id (`08REYKJAVIK457`, or any part of it), by a
   * TAGS code, or by words of the subject (every word of the query found). Best first, at most
   * `limit`.
   */
  search(query: string, limit = 200): SearchHit[] {
    const q = query.trim().toUpperCase();
    const words = q.split(/[^A-Z0-9'&/-]+/).filter(Boolean);
    const hits: SearchHit[] = [];
    for (const c of this.#byUri.values()) {
      let score = 0;
      if (q === '') score = 1;
      else if (c.id && (c.id === q.replace(/\s+/g, '') || c.id.includes(q.replace(/\s+/g, '')))) score = 3;
      else if (words.length > 0 && words.every((w) => c.tags.includes(w))) score = 2;
      else if (words.length > 0 && c.subject) {
        const subject = c.subject.toUpperCase();
        if (words.every((w) => subject.includes(w) || c.tags.includes(w))) score = 1;
      }
      if (score > 0) hits.push({ cable: c, score });
    }
    hits.sort((a, b) => b.score - a.score || (a.cable.id ?? a.cable.uri).localeCompare(b.cable.id ?? b.cable.uri));
    return hits.slice(0, limit);
  }
}

function add(map: Map<string, Set<string>>, k: string, uri: string): void {
  let set = map.get(k);
  if (!set) map.set(k, (set = new Set()));
  set.add(uri);
}

function remove(map: Map<string, Set<string>>, k: string, uri: string): void {
  const set = map.get(k);
  if (!set) return;
  set.delete(uri);
  if (set.size === 0) map.delete(k);
}

/** A cable of a reference graph. */
export interface GraphNode {
  /** The cable's reference id; null when its text gives none. */
  readonly id: string | null;
  readonly uri: string;
  readonly date: string | null;
  readonly classification: string | null;
  readonly subject: string | null;
}

/** A REF citation that leads to a cable of the graph. */
export interface GraphEdge {
  /** Index into `nodes` of the citing cable. */
  readonly from: number;
  /** Index into `nodes` of the cited cable. */
  readonly to: number;
  readonly letter: string | null;
  /** The citation as written. */
  readonly text: string;
}

/** A citation of a cable the graph does not hold. */
export interface DanglingCitation {
  readonly from: number;
  readonly letter: string | null;
  readonly text: string;
  /** The cited id as the archives write it; null when the year cannot be known. */
  readonly id: string | null;
  readonly yearInferred: boolean;
}

export interface ReferenceGraph {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
  readonly dangling: DanglingCitation[];
}

/**
 * The reference graph of the indexed cables: a node per cable (in `uris` order), an edge per
 * citation that resolves to another of them (as definition resolves it), the rest dangling.
 */
export function referenceGraph(index: WorkspaceIndex, uris: readonly string[]): ReferenceGraph {
  const cables = uris.map((u) => index.get(u)).filter((c): c is IndexedCable => c !== undefined);
  const at = new Map(cables.map((c, i) => [c.uri, i]));
  const nodes = cables.map((c) => ({ id: c.id, uri: c.uri, date: c.date, classification: c.classification, subject: c.subject }));
  const edges: GraphEdge[] = [];
  const dangling: DanglingCitation[] = [];
  cables.forEach((c, from) => {
    for (const cit of c.citations) {
      const target = index.resolve(cit, c.uri);
      const to = target ? at.get(target.uri) : undefined;
      if (to !== undefined) edges.push({ from, to, letter: cit.letter, text: cit.text });
      else dangling.push({ from, letter: cit.letter, text: cit.text, id: cit.id, yearInferred: cit.yearInferred });
    }
  });
  return { nodes, edges, dangling };
}
