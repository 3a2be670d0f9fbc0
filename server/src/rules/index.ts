import type { Rule } from '../engine/types';
import { syntaxRules } from './catalogue-syntax';
import { envelopeRules } from './catalogue-envelope';
import { sectionRules } from './catalogue-sections';
import { headerRules } from './catalogue-header';
import { textRules } from './catalogue-text';

/** The whole catalogue, in id order. Ids and names are a public contract (spec section 3). */
export const allRules: readonly Rule[] = [
  ...syntaxRules,
  ...envelopeRules,
  ...sectionRules,
  ...headerRules,
  ...textRules,
].sort((a, b) => a.id.localeCompare(b.id));

const byKey = new Map<string, Rule>();
for (const r of allRules) {
  byKey.set(r.id, r);
  byKey.set(r.name, r);
}

/** Looks a rule up by id (`CBL061`, any case) or name (`tags-known`). */
export function findRule(key: string): Rule | undefined {
  return byKey.get(key) ?? byKey.get(key.toUpperCase());
}
