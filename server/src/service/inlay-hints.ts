/**
 * Inlay hints: what a line means, written after the code that says it, so a drafter reads a
 * TAGS line or a date without hovering each part. Four kinds, each off, short or long: the
 * meaning of each TAGS code (dated: the meaning a cable of its date reads), the DTG and the DE
 * line's Julian date-time decoded, the DECL date as a span of time from the cable's date, and a
 * REF item's cited subject when the caller knows the cited cable (the workspace index).
 *
 * Computed from the model for the range asked (the editor asks for what is visible), so the cost
 * is that of the lines shown: the model's TAGS, dates and REF list are read once per tree.
 */
import { type InlayHint, InlayHintKind, MarkupKind } from 'vscode-languageserver-types';
import type { Cable, Profile, RefItem } from '../../../grammar/src/ast';
import { type CableDay, describeTagOn, tagOn } from '../data/index';
import { detectProfile } from '../engine/profile';
import { dayNumber, isRealDate } from '../model/dates';
import { modelOf } from '../model/index';
import { clock, dateOfDay, describeDtg, explainJulian, explainTag, longDate, monthName, tagDay } from './explain';
import type { PositionLike } from './ranges';

export type InlayHintStyle = 'off' | 'short' | 'long';

/** One style per kind of hint (`cableLint.inlayHints.*`). */
export interface InlayHintSettings {
  /** The meaning after each TAGS code. */
  tags: InlayHintStyle;
  /** The DTG and the DE line's Julian date-time, decoded. */
  dates: InlayHintStyle;
  /** The DECL date as "in N years" from the cable's date. */
  decl: InlayHintStyle;
  /** The subject of the cable a REF item cites, when the workspace holds it. */
  refs: InlayHintStyle;
}

export const INLAY_HINT_KINDS: readonly (keyof InlayHintSettings)[] = ['tags', 'dates', 'decl', 'refs'];
export const DEFAULT_INLAY_HINTS: Readonly<InlayHintSettings> = Object.freeze({ tags: 'short', dates: 'short', decl: 'short', refs: 'short' });

export interface InlayHintOptions {
  settings?: Partial<InlayHintSettings>;
  /** Dates an undated draft (TAGS meanings, DECL of a draft), as the linter's clock does. */
  now?: Date;
  /** The profile the cable is linted under; detected from the text when not given. */
  profile?: Profile;
  /**
   * The subject of the cable a REF item cites, when the caller knows it (the workspace index of
   * issue 16): the seam for the `refs` kind, which gives nothing without it.
   */
  citedSubject?: (item: RefItem, cable: Cable) => string | undefined;
}

interface LspRangeLike {
  start: PositionLike;
  end: PositionLike;
}

/** A short label: the meaning before any aside (`Energy (title cut off …)` → `Energy`), at most 28 characters. */
const SHORT = 28;
function shorten(text: string): string {
  const cut = text.replace(/\s*[(;].*$/, '').trim() || text;
  return cut.length <= SHORT ? cut : `${cut.slice(0, SHORT - 1).trimEnd()}…`;
}

const beforeOrAt = (a: PositionLike, b: PositionLike) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/**
 * The hints whose position lies in `range` (inclusive), in document order. Never throws: a cable
 * the model cannot read gives fewer hints, not an error.
 */
export function inlayHints(cable: Cable, range: LspRangeLike, options: InlayHintOptions = {}): InlayHint[] {
  try {
    const settings = { ...DEFAULT_INLAY_HINTS, ...options.settings };
    const out: InlayHint[] = [];
    const inRange = (p: PositionLike) => beforeOrAt(range.start, p) && beforeOrAt(p, range.end);
    const add = (hint: InlayHint) => {
      if (inRange(hint.position)) out.push(hint);
    };
    // Whole kinds are skipped when the range misses the lines they live on.
    const touches = (from: number, to: number) => from <= range.end.line && to >= range.start.line;
    if (settings.tags !== 'off') tagHints(cable, settings.tags, tagDay(cable, options.now), touches, add);
    if (settings.dates !== 'off') dateHints(cable, settings.dates, add);
    if (settings.decl !== 'off') declHint(cable, settings.decl, options.profile ?? detectProfile(cable), options.now, add);
    if (settings.refs !== 'off' && options.citedSubject) refHints(cable, settings.refs, options.citedSubject, touches, add);
    return out.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
  } catch {
    return [];
  }
}

type Add = (hint: InlayHint) => void;

const at = (p: { line: number; character: number }) => ({ line: p.line, character: p.character });
const markdown = (value: string) => ({ kind: MarkupKind.Markdown, value });

function tagHints(cable: Cable, style: InlayHintStyle, day: CableDay | undefined, touches: (a: number, b: number) => boolean, add: Add): void {
  if (!cable.tags.some((line) => touches(line.range.start.line, line.range.end.line))) return;
  const entries = modelOf(cable).tags.entries;
  for (const e of entries) {
    if (e.status !== 'known' || !touches(e.range.end.line, e.range.end.line)) continue;
    const dated = day === undefined ? undefined : tagOn(e.code, day);
    let label: string;
    if (dated && !dated.reading) {
      label = style === 'long' ? describeTagOn(dated) : `no meaning in ${dated.day.slice(0, 4)}`;
    } else if (dated?.reading) {
      label = style === 'long' ? describeTagOn(dated) : shorten(dated.reading.meaning);
    } else {
      if (!e.info) continue;
      label = style === 'long' ? `${e.info.meaning} (${e.info.sourceName})` : shorten(e.info.meaning);
    }
    add({
      position: at(e.range.end),
      label: `› ${label}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: markdown(explainTag(e.code, true, day)),
    });
  }
}

function dateHints(cable: Cable, style: InlayHintStyle, add: Add): void {
  const env = cable.envelope;
  const dtg = env?.dtg ?? cable.wrapperDtg;
  if (dtg?.value && dtg.year !== undefined && dtg.month !== undefined && dtg.day !== undefined && isRealDate(dtg.year, dtg.month, dtg.day)) {
    const when = describeDtg(dtg);
    const time = dtg.hour !== undefined && dtg.minute !== undefined ? ` ${clock(dtg.hour, dtg.minute)}Z` : '';
    const label = style === 'long' ? when! : `${dtg.day} ${monthName(dtg.month).slice(0, 3)} ${dtg.year}${time}`;
    add({ position: at(dtg.value.range.end), label, kind: InlayHintKind.Type, paddingLeft: true, tooltip: "the date-time group: the cable's date (day, hour and minute UTC, month, year)" });
  }
  const de = env?.de;
  if (de?.julian && de.dayOfYear !== undefined && de.hour !== undefined && de.minute !== undefined) {
    // The Julian date carries no year: the DTG's (CBL008 checks that the two agree).
    const year = env?.dtg?.year ?? modelOf(cable).dates.cableDate?.year;
    const date = year === undefined ? undefined : dateOfDay(year, de.dayOfYear);
    if (year !== undefined && !date) return;
    const hm = `${clock(de.hour, de.minute)}Z`;
    const label = !date
      ? `day ${de.dayOfYear}, ${hm}`
      : style === 'long'
        ? `day ${de.dayOfYear} of ${year}: ${longDate(year!, date.month, date.day)}, ${hm}`
        : `${date.day} ${monthName(date.month).slice(0, 3)} ${hm}`;
    add({ position: at(de.julian.range.end), label, kind: InlayHintKind.Type, paddingLeft: true, tooltip: markdown(explainJulian(de.dayOfYear, de.hour, de.minute, env?.dtg)) });
  }
}

/** `10 years`, `9 years 11 months`, `5 months`, `12 days` between two days (the later second). */
function span(from: { year: number; month: number; day: number }, to: { year: number; month: number; day: number }): string {
  let months = (to.year - from.year) * 12 + (to.month - from.month) - (to.day < from.day ? 1 : 0);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (months <= 0) return plural(dayNumber(to.year, to.month, to.day) - dayNumber(from.year, from.month, from.day), 'day');
  const years = Math.floor(months / 12);
  months -= years * 12;
  if (years === 0) return plural(months, 'month');
  return months === 0 ? plural(years, 'year') : `${plural(years, 'year')} ${plural(months, 'month')}`;
}

function declHint(cable: Cable, style: InlayHintStyle, profile: Profile, now: Date | undefined, add: Add): void {
  const { dates } = modelOf(cable);
  const decl = dates.decl;
  if (decl?.kind !== 'date') return;
  // An undated draft counts from today, as CBL044 does; without a clock there is no today (and
  // with a cable date the clock is never read).
  if (!now && !dates.cableDate) return;
  const ref = dates.referenceDate(profile, now ?? new Date(0));
  if (!ref) return;
  const label = ref.label;
  const d = dayNumber(decl.year, decl.month, decl.day) - dayNumber(ref.year, ref.month, ref.day);
  let text: string;
  if (d === 0) text = style === 'long' ? `the same day as ${label}` : 'the same day';
  else if (d > 0) text = style === 'long' ? `${span(ref, decl)} after ${label}` : `in ${span(ref, decl)}`;
  else text = style === 'long' ? `${span(decl, ref)} before ${label}` : `${span(decl, ref)} before`;
  add({
    position: at(decl.span.range.end),
    label: text,
    kind: InlayHintKind.Type,
    paddingLeft: true,
    tooltip: `declassify on ${longDate(decl.year, decl.month, decl.day)}: ${span(d >= 0 ? ref : decl, d >= 0 ? decl : ref)} ${d >= 0 ? 'after' : 'before'} ${label}`,
  });
}

function refHints(cable: Cable, style: InlayHintStyle, citedSubject: NonNullable<InlayHintOptions['citedSubject']>, touches: (a: number, b: number) => boolean, add: Add): void {
  for (const item of cable.refs?.items ?? []) {
    if (!touches(item.range.end.line, item.range.end.line)) continue;
    const subject = citedSubject(item, cable);
    if (!subject) continue;
    add({ position: at(item.target.range.end), label: `› ${style === 'long' ? subject : shorten(subject)}`, kind: InlayHintKind.Type, paddingLeft: true, tooltip: `the subject of the cited cable: ${subject}` });
  }
}
