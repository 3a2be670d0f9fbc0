import type { Rule } from '../engine/types';
import { CBL000 } from './CBL000-syntax';

export const syntaxRules: Rule[] = [CBL000];
