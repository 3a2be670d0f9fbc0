import type { Rule } from '../engine/types';
import { CBL030 } from './CBL030-section-marker-format';
import { CBL031 } from './CBL031-section-sequence';
import { CBL032 } from './CBL032-section-total';
import { CBL033 } from './CBL033-single-section-marker';
import { CBL035 } from './CBL035-page-marker-format';
import { CBL036 } from './CBL036-page-marker-sequence';
import { CBL037 } from './CBL037-page-marker-total';
import { CBL040 } from './CBL040-eo-required';
import { CBL041 } from './CBL041-eo-format';
import { CBL042 } from './CBL042-eo-level';
import { CBL043 } from './CBL043-decl-valid';
import { CBL044 } from './CBL044-decl-after-date';
import { CBL045 } from './CBL045-decl-horizon';
import { CBL046 } from './CBL046-classified-by-required';
import { CBL047 } from './CBL047-classification-reason';
import { CBL048 } from './CBL048-classified-by-unclassified';
import { CBL049 } from './CBL049-eo-superseded';

export const sectionRules: Rule[] = [
  CBL030, CBL031, CBL032, CBL033, CBL035, CBL036, CBL037,
  CBL040, CBL041, CBL042, CBL043, CBL044, CBL045, CBL046, CBL047, CBL048, CBL049,
];
