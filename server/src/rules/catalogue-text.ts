import type { Rule } from '../engine/types';

export const textRules: Rule[] = [];
