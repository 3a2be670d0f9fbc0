import type { Rule } from '../engine/types';

export const sectionRules: Rule[] = [];
