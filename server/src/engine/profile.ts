import type { Cable, Profile } from '../../../grammar/src/ast';

/**
 * Spec 4.1, first match wins: anything the publisher added makes the text `published`;
 * an ACP-127 envelope without that makes it `transmitted`; everything else is a `draft`.
 */
export function detectProfile(cable: Cable): Profile {
  if (
    cable.partialExtract ||
    cable.reflowed ||
    cable.pageMarkers.length > 0 ||
    cable.paragraphs.some((p) => p.pilcrow) ||
    cable.wrapper.some((w) => w.role !== 'envelope-copy' || w.text.trim().length > 0)
  ) {
    return 'published';
  }
  if (cable.envelope && (cable.envelope.transmissionId || cable.envelope.de || cable.envelope.security)) {
    return 'transmitted';
  }
  return 'draft';
}
