import type { Cable } from '../../../grammar/src/ast';
import { modelOf } from '../model/index';
import type { ParagraphReference } from '../model/references';

export type { ParagraphReference };

/**
 * In-text references to this cable's own paragraphs (`para 5`, `paras 5 and 6`, `¶5`), as the
 * cable model resolves them: navigation, hover and renumbering use the same list.
 */
export function findParagraphReferences(cable: Cable): readonly ParagraphReference[] {
  return modelOf(cable).references.paragraphs;
}
