import type { Rule } from '../engine/types';

export const headerRules: Rule[] = [];
