import type { Cable, ClassificationLevel, LevelRank, Span } from '../../../grammar/src/ast';
import { levelRank as rankOf } from '../model/classification';
import type { CableDate } from '../model/dates';
import { modelOf } from '../model/index';

/**
 * The facts the Node API reports, as functions of a parsed cable: each reads the cable model
 * (server/src/model), which is their one home.
 */
export type { CableDate };
export { dayOfYear, isRealDate } from '../model/dates';

export function levelRank(level: ClassificationLevel): LevelRank {
  return rankOf(level);
}

export function bannerLevel(cable: Cable): { level: ClassificationLevel; levelText: Span } | undefined {
  return modelOf(cable).classification.bannerLevel;
}

export function bannerRank(cable: Cable): LevelRank | undefined {
  return modelOf(cable).classification.bannerRank;
}

export function isClassified(cable: Cable): boolean {
  return modelOf(cable).classification.classified;
}

export function cableDate(cable: Cable): CableDate | undefined {
  return modelOf(cable).dates.cableDate;
}

export function captionSet(cable: Cable): ReadonlySet<string> {
  return modelOf(cable).classification.captions;
}

export function referenceId(cable: Cable): string | null {
  return modelOf(cable).referenceId;
}
