/**
 * "What should Huawei do", "how could it convince the US", "what's the strongest move it could
 * make": a question asking what someone should do wants the passage that recommends something,
 * not one that reports what was done. A recommendation is written with a modal of obligation
 * (should, must, needs to), a purpose clause ("if it wants to…"), or a superlative of means ("the
 * most powerful thing it can do", "better still"). Pure string analysis of English forms.
 */
import type { InvertedIndex } from './index-build.js';
import type { Candidate } from './rerank.js';
import type { RuleSwitches } from './rules.js';
import { fold } from './tokenize.js';
import { ADVICE_BONUS } from './weights.js';

const ADVICE_FORMS: readonly RegExp[] = [
  /\b(?:should|shud|shld|shd|ought\s+to|oughta)\b/,
  // "how could Huawei get the bans lifted", "how can it win back US trust"
  /\bhow\s+(?:can|could|cld|might|would)\s+(?:[\w']+\s+){1,3}(?:get|win|convince|persuade|fix|repair|mend|patch|regain|rebuild|earn|reassure|overcome|reverse|lift|change|make)\b/,
  /\bwhat\s+(?:can|could|cld|might|would)\s+(?:[\w']+\s+){1,3}do\b/,
  /\b(?:best|strongest|smartest|wisest|single\s+(?:best|strongest|most\s+\w+)|most\s+(?:powerful|effective|useful|important|helpful))\s+(?:way|move|thing|step|option|strategy|course|bet|lever)\b/,
  /\bwhat\s+would\s+(?:most\s+|really\s+|actually\s+|best\s+)?help\b/,
];

/** Whether the question asks what someone should or could do to get somewhere. */
export function asksAdvice(question: string): boolean {
  const text = fold(question);
  return ADVICE_FORMS.some((form) => form.test(text));
}

const RECOMMENDS =
  /\b(?:should|ought\s+to|must|needs?\s+to|had\s+better|would\s+do\s+well\s+to|better\s+still|if\s+[\w']+\s+(?:really\s+|truly\s+)?wants?\s+to|(?:the\s+)?(?:most|best|single)\s+(?:\w+\s+)?(?:thing|way|step|move|course|option)\s+(?:it|they|he|she|we|you)\s+can)\b/iu;

/** Whether the passage recommends a course of action. */
export function recommends(text: string): boolean {
  return RECOMMENDS.test(text);
}

/**
 * For a question asking what someone should do (rule advice-wanted), the candidates with passages
 * that recommend something move up by ADVICE_BONUS; otherwise the ranking is returned as it is.
 */
export function preferRecommendations(
  index: InvertedIndex,
  candidates: Candidate[],
  question: string,
  rules: RuleSwitches,
): Candidate[] {
  if (!rules.on('advice-wanted') || !asksAdvice(question)) return candidates;
  for (const c of candidates) if (recommends(index.passages[c.doc]?.text ?? '')) c.final += ADVICE_BONUS;
  return candidates.sort((a, b) => b.final - a.final || a.doc - b.doc);
}
