import type { Cable, ClassificationLevel, LevelRank, Span } from '../../../grammar/src/ast';
import { refIdPostFor } from '../data/index';

/** Facts derived from a parsed cable that several rules, hovers and the CLI share. */

export interface CableDate {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const RANK: Record<ClassificationLevel, LevelRank> = {
  UNCLASSIFIED: 0,
  'UNCLASSIFIED EFTO': 0,
  'LIMITED OFFICIAL USE': 0,
  CONFIDENTIAL: 1,
  SECRET: 2,
  'TOP SECRET': 3,
};

export function levelRank(level: ClassificationLevel): LevelRank {
  return RANK[level];
}

/**
 * The level the banner gives: the banner's, or, for a banner line the parser could not read
 * whole (its serial cut off, 06TELAVIV4032), the level it starts with. Rules that compare
 * something against the banner level use this so a cut banner still counts.
 */
export function bannerLevel(cable: Cable): { level: ClassificationLevel; levelText: Span } | undefined {
  if (cable.banner) return cable.banner;
  const envelopeEnd = cable.envelope?.range.end.offset ?? -1;
  const cut = cable.malformedBanners.find((b) => b.level && b.levelText && b.range.start.offset > envelopeEnd);
  return cut?.level && cut.levelText ? { level: cut.level, levelText: cut.levelText } : undefined;
}

export function bannerRank(cable: Cable): LevelRank | undefined {
  const banner = bannerLevel(cable);
  return banner ? RANK[banner.level] : undefined;
}

/** CONFIDENTIAL or above. */
export function isClassified(cable: Cable): boolean {
  return (bannerRank(cable) ?? 0) >= 1;
}

/** The cable's date: the envelope DTG, else a DTG-form date in the publication wrapper. */
export function cableDate(cable: Cable): CableDate | undefined {
  const d = cable.envelope?.dtg ?? cable.wrapperDtg;
  if (!d || d.year === undefined || d.month === undefined || d.day === undefined) return undefined;
  return { year: d.year, month: d.month, day: d.day, hour: d.hour ?? 0, minute: d.minute ?? 0 };
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= dim;
}

/** Day of the year, 1-based (14 May 2008 → 135). */
export function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
}

/** Every caption the cable carries, on caption lines or glued to the banner. */
export function captionSet(cable: Cable): Set<string> {
  const set = new Set<string>();
  for (const c of cable.captions) for (const n of c.names) set.add(n);
  for (const n of cable.banner?.gluedCaptions ?? []) set.add(n);
  return set;
}

/**
 * The reference id built from the text alone: two-digit year of the cable date, post as in
 * posts.tsv, serial without leading zeros. Null without a date (never from the file name).
 */
export function referenceId(cable: Cable): string | null {
  const date = cableDate(cable);
  if (!date || !cable.banner) return null;
  const serial = String(Number.parseInt(cable.banner.serial.text, 10));
  return `${String(date.year % 100).padStart(2, '0')}${refIdPostFor(cable.banner.post.text)}${serial}`;
}
