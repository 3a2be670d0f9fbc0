import type { Rule } from '../engine/types';

export const envelopeRules: Rule[] = [];
