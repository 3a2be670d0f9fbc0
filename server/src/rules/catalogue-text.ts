import type { Rule } from '../engine/types';
import { CBL080 } from './CBL080-paragraph-order';
import { CBL081 } from './CBL081-paragraph-gap';
import { CBL082 } from './CBL082-paragraph-start';
import { CBL083 } from './CBL083-paragraph-restart';
import { CBL084 } from './CBL084-pilcrow-artefact';
import { CBL085 } from './CBL085-ambiguous-line-start';
import { CBL086 } from './CBL086-single-paragraph-numbered';
import { CBL087 } from './CBL087-subparagraph-sequence';
import { CBL090 } from './CBL090-portion-mark-required';
import { CBL091 } from './CBL091-portion-above-banner';
import { CBL092 } from './CBL092-portion-mark-valid';
import { CBL093 } from './CBL093-banner-above-portions';
import { CBL100 } from './CBL100-summary-unclosed';
import { CBL101 } from './CBL101-block-end-orphan';
import { CBL102 } from './CBL102-block-crossed';
import { CBL103 } from './CBL103-comment-unclosed';
import { CBL104 } from './CBL104-note-unclosed';
import { CBL110 } from './CBL110-signature-required';
import { CBL112 } from './CBL112-end-marker';
import { CBL120 } from './CBL120-line-length';
import { CBL121 } from './CBL121-trailing-whitespace';
import { CBL122 } from './CBL122-charset';
import { CBL123 } from './CBL123-publication-artefact';

export const textRules: Rule[] = [
  CBL080, CBL081, CBL082, CBL083, CBL084, CBL085, CBL086, CBL087,
  CBL090, CBL091, CBL092, CBL093,
  CBL100, CBL101, CBL102, CBL103, CBL104,
  CBL110, CBL112,
  CBL120, CBL121, CBL122, CBL123,
];
