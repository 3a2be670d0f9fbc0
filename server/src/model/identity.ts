/**
 * Who the cable is: its reference id, post, serial and classification, from the banner, or, when
 * the banner is garbled beyond reading (`E C R E T SECTION 01 OF 03 BAGHDAD 000146`) or missing,
 * from the envelope, which states the same facts in its own lines: the security line's level
 * (`ZNY SSSSS`), the DE line's station serial (`DE RUEHGB #0146`), the post of the FM line
 * (`FM AMEMBASSY BAGHDAD`, or the DE line's routing indicator by posts.tsv) and the DTG's year.
 * The report and the workspace index read this; the rules keep to what the banner says.
 */
import type { Cable, ClassificationLevel } from '../../../grammar/src/ast';
import { allPosts, refIdPostFor, type PostInfo } from '../data/index';
import type { Classification } from './classification';
import type { CableDate } from './dates';
import { deStationSerial, envelopeLevel, fmPost } from './envelope';

export interface Identity {
  readonly id: string | null;
  readonly post: string | null;
  readonly serial: number | null;
  readonly classification: ClassificationLevel | null;
  /** Where post and serial come from: the banner, the envelope, or nowhere. */
  readonly source: 'banner' | 'envelope' | null;
}

export const NO_IDENTITY: Identity = Object.freeze({ id: null, post: null, serial: null, classification: null, source: null });

let postsByRi: Map<string, PostInfo> | undefined;

/** The post whose DE routing indicator this is (`RUEHGB` → BAGHDAD), by posts.tsv. */
function postOfIndicator(ri: string): PostInfo | undefined {
  if (!postsByRi) {
    postsByRi = new Map();
    for (const p of allPosts()) if (p.deRoutingIndicator && !postsByRi.has(p.deRoutingIndicator)) postsByRi.set(p.deRoutingIndicator, p);
  }
  return postsByRi.get(ri);
}

export function readIdentity(cable: Cable, classification: Classification, date: CableDate | undefined, referenceId: string | null): Identity {
  const banner = cable.banner;
  const yy = date ? String(date.year % 100).padStart(2, '0') : undefined;
  if (banner) {
    const serial = Number.parseInt(banner.serial.text, 10);
    return Object.freeze({
      id: referenceId,
      post: refIdPostFor(banner.post.text),
      serial: Number.isFinite(serial) ? serial : null,
      classification: classification.bannerLevel?.level ?? envelopeLevel(cable),
      source: 'banner',
    });
  }
  const env = cable.envelope;
  const level = classification.bannerLevel?.level ?? envelopeLevel(cable);
  const ri = env?.de?.routingIndicator?.text;
  const post = fmPost(cable) ?? (ri ? postOfIndicator(ri)?.refidPost : undefined) ?? null;
  const serial = deStationSerial(cable);
  if (post === null || serial === null) return Object.freeze({ ...NO_IDENTITY, classification: level });
  return Object.freeze({ id: yy !== undefined ? `${yy}${post}${serial}` : null, post, serial, classification: level, source: 'envelope' });
}
