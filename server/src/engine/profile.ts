import type { Cable, Profile } from '../../../grammar/src/ast';
import { modelOf } from '../model/index';

/**
 * Spec 4.1, first match wins: anything only a publisher does to a text (model/publication.ts)
 * makes it `published`, even when its envelope survived; an ACP-127 envelope without that makes
 * it `transmitted`; everything else is a `draft`.
 */
export function detectProfile(cable: Cable): Profile {
  if (modelOf(cable).publication.published) return 'published';
  if (cable.envelope && (cable.envelope.transmissionId || cable.envelope.de || cable.envelope.security)) {
    return 'transmitted';
  }
  return 'draft';
}
