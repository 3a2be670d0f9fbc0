import type { Rule } from '../engine/types';
import { CBL001 } from './CBL001-envelope-order';
import { CBL002 } from './CBL002-transmission-id';
import { CBL003 } from './CBL003-precedence-line';
import { CBL004 } from './CBL004-de-line';
import { CBL005 } from './CBL005-security-line-level';
import { CBL006 } from './CBL006-dtg-format';
import { CBL007 } from './CBL007-dtg-precedence';
import { CBL008 } from './CBL008-dtg-julian';
import { CBL009 } from './CBL009-station-serial';
import { CBL010 } from './CBL010-from-to-required';
import { CBL011 } from './CBL011-addressee-format';
import { CBL020 } from './CBL020-banner-required';
import { CBL021 } from './CBL021-banner-format';
import { CBL022 } from './CBL022-banner-style';
import { CBL023 } from './CBL023-caption-order';
import { CBL024 } from './CBL024-noforn-caption';
import { CBL025 } from './CBL025-sensitive-caption';
import { CBL026 } from './CBL026-sipdis-restricted';
import { CBL027 } from './CBL027-banner-section-total';
import { CBL124 } from './CBL124-reference-id';

/** Envelope (CBL001–CBL011), classification block (CBL020–CBL027) and reference id (CBL124). */
export const envelopeRules: Rule[] = [
  CBL001, CBL002, CBL003, CBL004, CBL005, CBL006, CBL007, CBL008, CBL009, CBL010, CBL011,
  CBL020, CBL021, CBL022, CBL023, CBL024, CBL025, CBL026, CBL027, CBL124,
];
