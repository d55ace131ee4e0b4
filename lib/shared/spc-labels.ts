import type { AssuranceIcon, VariationIcon } from './stats';

/*
 * The Making Data Count icons' meaning in words: what the charts' icons say aloud and what exports write, so that
 * the words are the same wherever the icons are read.
 */

export const VARIATION_LABELS: Record<VariationIcon, string> = {
  common_cause: 'Common cause variation',
  improvement_high: 'Special cause improvement (higher)',
  improvement_low: 'Special cause improvement (lower)',
  concern_high: 'Special cause concern (higher)',
  concern_low: 'Special cause concern (lower)',
  neutral_high: 'Special cause variation, higher (neither better nor worse)',
  neutral_low: 'Special cause variation, lower (neither better nor worse)',
};

export const ASSURANCE_LABELS: Record<AssuranceIcon, string> = {
  pass: 'Consistently passes the target',
  fail: 'Consistently fails the target',
  inconsistent: 'Hits and misses the target (not assured)',
};
