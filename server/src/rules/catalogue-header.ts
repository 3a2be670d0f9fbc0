import type { Rule } from '../engine/types';
import { CBL050 } from './CBL050-header-order';
import { CBL060 } from './CBL060-tags-required';
import { CBL061 } from './CBL061-tags-known';
import { CBL062 } from './CBL062-tags-geographic';
import { CBL063 } from './CBL063-tags-subject';
import { CBL064 } from './CBL064-tags-hygiene';
import { CBL065 } from './CBL065-field-keyword';
import { CBL070 } from './CBL070-subject-required';
import { CBL071 } from './CBL071-subject-uppercase';
import { CBL075 } from './CBL075-ref-lettering';
import { CBL076 } from './CBL076-ref-citation';

export const headerRules: Rule[] = [CBL050, CBL060, CBL061, CBL062, CBL063, CBL064, CBL065, CBL070, CBL071, CBL075, CBL076];
