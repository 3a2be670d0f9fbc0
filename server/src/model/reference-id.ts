import type { Cable } from '../../../grammar/src/ast';
import { refIdPostFor } from '../data/index';
import type { CableDate } from './dates';

/**
 * The reference id built from the text alone (`08REYKJAVIK457`): two-digit year of the cable
 * date, post as in posts.tsv, serial without leading zeros. Null without a date or a banner
 * (never from the file name).
 */
export function readReferenceId(cable: Cable, date: CableDate | undefined): string | null {
  if (!date || !cable.banner) return null;
  const serial = String(Number.parseInt(cable.banner.serial.text, 10));
  return `${String(date.year % 100).padStart(2, '0')}${refIdPostFor(cable.banner.post.text)}${serial}`;
}
