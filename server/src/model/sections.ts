/**
 * Sections and page markers: which page markers and section banners are this cable's own (a
 * publisher may glue two cables together), what every place after the banner says about the
 * sections, whether the full transmitted form survives, and the banner total every later source
 * contradicts. CBL030–CBL037 read it.
 */
import type { Banner, Cable, PageMarker, Range, Span } from '../../../grammar/src/ast';
import { type Correction, frozen, type Lazy } from './types';

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

const normPost = (s: string): string => s.toUpperCase().replace(/\s+/g, ' ').trim();
const compactPost = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * Whether a page-marker post names the banner post: the post itself, the post cut to 10
 * characters (`GUADALAJAR`), or its last words (`RPO DUBAI` for `IRAN RPO DUBAI`).
 */
export function postMatches(markerPost: string, bannerPost: string): boolean {
  const m = normPost(markerPost);
  const b = normPost(bannerPost);
  if (!m || !b) return false;
  // Text run into the marker by reflowing (`Comment MOSCOW 00002651 004 OF 004`) is not
  // part of the post: any trailing run of the marker's words may be the post.
  const words = m.split(' ');
  for (let i = 0; i < words.length; i++) if (postEquals(words.slice(i).join(' '), b)) return true;
  return false;
}

function postEquals(m: string, b: string): boolean {
  if (m === b || m === b.slice(0, 10).trim()) return true;
  const words = b.split(' ');
  for (let i = 1; i < words.length; i++) if (m === words.slice(i).join(' ')) return true;
  // Spelling of spaces and dots differs between banner and marker (`ST. PETERSBURG`).
  const cm = compactPost(m);
  const cb = compactPost(b);
  return cm.length >= Math.min(cb.length, 6) && (cb.startsWith(cm) || cb.endsWith(cm));
}

/** Whether the marker's post carries words of running text before the post itself. */
export function postHasGluedText(markerPost: string, bannerPost: string): boolean {
  return !postEquals(normPost(markerPost), normPost(bannerPost)) && postMatches(markerPost, bannerPost);
}

/** The post a page marker should carry: the banner post cut to 10 characters. */
export function expectedMarkerPost(bannerPost: string): string {
  return normPost(bannerPost).slice(0, 10).trim();
}

function sameSerial(a: Span | undefined, b: Span | undefined): boolean {
  if (!a || !b) return true;
  return Number.parseInt(a.text, 10) === Number.parseInt(b.text, 10);
}

/**
 * A page marker of another cable: publisher pages that glue two cables together
 * (07BERN881 carries the TBILISI 2290 markers). Post and serial both differ; a single
 * difference is a slip in this cable's own marker (CBL035).
 */
function isForeignMarker(cable: Cable, m: PageMarker): boolean {
  const b = cable.banner;
  if (!b || !m.serial) return false;
  if (sameSerial(m.serial, b.serial)) return false;
  return !m.post || !postMatches(m.post.text, b.post.text);
}

/** Page markers of this cable (foreign ones dropped), in document order. */
function cableMarkers(cable: Cable): PageMarker[] {
  return cable.pageMarkers.filter((m) => !isForeignMarker(cable, m));
}

/** Further section banners of this cable (same serial as the first banner). */
function cableSectionBanners(cable: Cable): Banner[] {
  const b = cable.banner;
  return cable.sectionBanners.filter((s) => s.section && (!b || sameSerial(s.serial, b.serial)));
}

/** A number cut off by the publisher (`ROME 00001144  001.2 OF 00...`, 09ROME1144) says nothing. */
function truncatedAfter(cable: Cable, span: Span | undefined): boolean {
  if (!span) return false;
  const next = cable.text.slice(span.range.end.offset, span.range.end.offset + 3);
  return next.startsWith('...') || next.startsWith('\u2026');
}

/** The marker's total, unless the publisher cut it off. */
function markerTotal(cable: Cable, m: PageMarker): number | undefined {
  return m.total !== undefined && m.totalText && !truncatedAfter(cable, m.totalText) ? m.total : undefined;
}

/** The full transmitted form: a further section banner other than 01 survives (CBL031's domain). */
function hasFullSectionForm(banners: readonly Banner[]): boolean {
  return banners.some((s) => s.section!.number !== 1);
}

export interface SectionEvidence {
  /** Where the number is written. */
  range: Range;
  number: number;
  total?: number;
  totalRange?: Range;
  what: string;
  /** A page marker of the published form (CBL036 watches their order and gaps). */
  pageForm?: boolean;
}

/** Every place after the banner that names a section: section banners and page markers. */
function sectionEvidence(cable: Cable, banners: readonly Banner[], markers: readonly PageMarker[]): SectionEvidence[] {
  const out: SectionEvidence[] = [];
  for (const s of banners) {
    const sec = s.section!;
    // A repeated section-01 banner is a copy of the header (reflowed previews), not a section.
    if (sec.number === 1) continue;
    out.push({
      range: sec.numberText.range,
      number: sec.number,
      total: sec.total,
      totalRange: sec.totalText.range,
      what: `section banner ${sec.numberText.text}`,
    });
  }
  for (const m of markers) {
    if (m.number === undefined || !m.numberText) continue;
    const total = markerTotal(cable, m);
    out.push({
      range: m.numberText.range,
      number: m.number,
      ...(total !== undefined ? { total, totalRange: m.totalText!.range } : {}),
      what: m.form === 'legacy' ? `page header section ${m.numberText.text}` : `page marker ${m.numberText.text}`,
      pageForm: m.form === 'page',
    });
  }
  return out.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/**
 * The fix that sets the banner's section total when every later source agrees on one
 * total M' that differs from the banner's. Safe when the sources also reach beyond the
 * banner's total: then the banner is certainly the one that is wrong.
 */
function bannerTotalFix(cable: Cable, evidence: readonly SectionEvidence[]): Correction | undefined {
  const sec = cable.banner?.section;
  if (!sec) return undefined;
  const ev = evidence.filter((e) => e.total !== undefined);
  if (!ev.length) return undefined;
  const total = ev[0]!.total!;
  if (total === sec.total || total < 1 || total > 99 || ev.some((e) => e.total !== total)) return undefined;
  const maxN = Math.max(...evidence.map((e) => e.number));
  if (maxN > total) return undefined;
  const newText = pad(total, 2);
  return {
    title: `Change the banner's section total to ${newText}`,
    edits: [{ range: sec.totalText.range, newText }],
    safe: ev.length >= 2 && maxN > sec.total,
  };
}


export interface Sections {
  /** Page markers of this cable (foreign ones dropped), in document order. */
  readonly markers: readonly PageMarker[];
  /** Further section banners of this cable (same serial as the first banner). */
  readonly sectionBanners: readonly Banner[];
  /** The full transmitted form: a further section banner other than 01 survives (CBL031's domain). */
  readonly fullForm: boolean;
  /** Every place after the banner that names a section: section banners and page markers. */
  readonly evidence: readonly SectionEvidence[];
  /**
   * Setting the banner's section total when every later source agrees on one total that differs
   * from the banner's; safe when they also reach beyond the banner's total.
   */
  readonly bannerTotalCorrection: Correction | undefined;
  /** A page marker of another cable: post and serial both differ from the banner's (07BERN881). */
  isForeign(m: PageMarker): boolean;
  /** The marker's total, unless the publisher cut it off (`001.2 OF 00...`, 09ROME1144). */
  totalOf(m: PageMarker): number | undefined;
  /** A number the publisher cut off after `span` says nothing. */
  truncatedAfter(span: Span | undefined): boolean;
}

export const NO_SECTIONS: Sections = Object.freeze({
  markers: Object.freeze([]),
  sectionBanners: Object.freeze([]),
  fullForm: false,
  evidence: Object.freeze([]),
  bannerTotalCorrection: undefined,
  isForeign: () => false,
  totalOf: () => undefined,
  truncatedAfter: () => false,
});

export function readSections(cable: Cable, lazy: Lazy): Sections {
  const markers = cable.pageMarkers.length ? cableMarkers(cable) : [];
  const banners = cable.sectionBanners.length ? cableSectionBanners(cable) : [];
  const evidence = sectionEvidence(cable, banners, markers).map((e) => frozen(e));
  const correction = lazy('sections.bannerTotalCorrection', () => bannerTotalFix(cable, evidence), undefined);
  return new SectionsMeaning(cable, markers, banners, hasFullSectionForm(banners), evidence, correction);
}

/** A class, so that the getter sits on the prototype: a getter in a literal leaves the object in V8's dictionary mode. */
class SectionsMeaning implements Sections {
  readonly #correction: () => Sections['bannerTotalCorrection'];
  // The tree in a private field, its parts as methods: a closure over it stored in a field kept
  // every linted tree alive through the young generation's collections (ARCHITECTURE.md).
  readonly #cable: Cable;

  constructor(
    cable: Cable,
    readonly markers: Sections['markers'],
    readonly sectionBanners: Sections['sectionBanners'],
    readonly fullForm: boolean,
    readonly evidence: Sections['evidence'],
    correction: () => Sections['bannerTotalCorrection'],
  ) {
    this.#correction = correction;
    this.#cable = cable;
    Object.freeze(this);
  }

  get bannerTotalCorrection(): Sections['bannerTotalCorrection'] {
    return this.#correction();
  }

  isForeign(m: PageMarker): boolean {
    return isForeignMarker(this.#cable, m);
  }

  totalOf(m: PageMarker): number | undefined {
    return markerTotal(this.#cable, m);
  }

  truncatedAfter(span: Span | undefined): boolean {
    return truncatedAfter(this.#cable, span);
  }
}

/**
 * How many digits a section marker's numbers take in a cable of `year`: two (`SECTION 01 OF 02`,
 * 1,142 of 1,142 banners of the public corpus, 1985–2010), but one or two before 1980, when
 * telegrams wrote `SECTION 1 OF 2` (1970s cables of the State Department's released files).
 */
export function sectionDigitsAccepted(year: number | undefined): readonly number[] {
  return year !== undefined && year < 1980 ? [1, 2] : [2];
}

/**
 * The year a cable was sent: its DTG's, else the one its reference id gives (`75STATE1234`, from
 * the file name), two-digit years read as 1966–2065 like the ids of the released files.
 */
export function cableYear(date: { year: number } | undefined, referenceId: string | undefined): number | undefined {
  if (date) return date.year;
  const yy = /^(\d{2})[A-Z]/.exec(referenceId ?? '')?.[1];
  if (yy === undefined) return undefined;
  const n = Number(yy);
  return n >= 66 ? 1900 + n : 2000 + n;
}
