/**
 * Word lists about question shape, not about this article: which words make a question about a decision,
 * an argument, one side's arguments, a set of deciders, or a status. Written as text and read through the
 * engine's tokenizer (see text.ts), so "banned" in a question meets the cue "ban".
 */
import type { ArgumentSide, DecisionStatus } from './types.js';
import { phrases } from './text.js';

/** Words that make a question about a decision once it names the decider ("Why did Australia ban …"). */
export const DECISION_CUES = phrases(
  'decide decision decided ban banned blacklist sanction approve approval let letting allow permit select selection choose',
  'choice pick use block bar reject refuse exclude restrict accept adopt deploy back support why stance position',
  'policy verdict rule green-light',
);

/** Words that make a question about reasons and claims ("What did X argue?", "Why is trust lacking?"). */
export const ARGUMENT_CUES = phrases(
  'argue argument claim say said tell told think believe view opinion reason why because trust distrust mistrust',
  'concern worry fear pitch offer promise hope want suggest recommend assure assurance reassure reassuring',
  'criticise criticize criticism critic position stance case problem issue explain blame justify point',
);

/** Words that ask for the reasons behind a decision. */
export const WHY_CUES = phrases('why reason');

/** "Arguments against …", "the case for …": a question asking for one side's arguments. */
export const SIDE_CUES: readonly { readonly cue: readonly string[]; readonly side: ArgumentSide }[] = [
  ...phrases('argument-for arguments-for argue-for case-for in-favour-of in-favor-of').map((cue) => ({
    cue,
    side: 'for-huawei-access' as const,
  })),
  ...phrases('argument-against arguments-against argue-against case-against').map((cue) => ({
    cue,
    side: 'against-huawei-access' as const,
  })),
];

/** Words that ask for a set of deciders ("Which countries …", "Who banned …"). */
export const SET_CUES = phrases('countries country governments government nations nation who where');

/** Status words, when a question asks "which countries …" without naming one. */
const FAVOURABLE: readonly DecisionStatus[] = ['approved', 'conditionally-approved', 'likely-to-select'];
const UNFAVOURABLE: readonly DecisionStatus[] = ['decided-against', 'banned'];
export const STATUS_CUES: readonly {
  readonly cue: readonly string[];
  readonly statuses: readonly DecisionStatus[];
}[] = [
  ...phrases(
    'approve approval green-light back support allow let select choose pick accept permit adopt win',
  ).map((cue) => ({ cue, statuses: FAVOURABLE })),
  ...phrases('condition conditional conditionally').map((cue) => ({
    cue,
    statuses: ['conditionally-approved'] as const,
  })),
  ...phrases('likely').map((cue) => ({ cue, statuses: ['likely-to-select'] as const })),
  ...phrases('ban blacklist sanction block bar prohibit').map((cue) => ({
    cue,
    statuses: ['banned'] as const,
  })),
  ...phrases('against reject refuse shun exclude avoid').map((cue) => ({ cue, statuses: UNFAVOURABLE })),
];

/** Every stem of a decision or argument cue: words that say what kind of question it is, not its topic. */
export const CUE_STEMS: ReadonlySet<string> = new Set([...DECISION_CUES, ...ARGUMENT_CUES].flat());
