/**
 * Whether a passage opens by pointing back at what the one before it said: "That's not a huge
 * surprise", "Until that happens", "Vincent Peng doesn't touch on this at all". Such a passage
 * cannot be read alone; what it is about was said just before, so the previous passage's words are
 * stronger evidence for it than for a passage that starts afresh. A personal pronoun ("He also
 * reissues…") points back only at a person, not at what was said about them: "He" in the passage
 * after the factory promise does not make it a passage about the factory.
 */
import { QUOTED_SPEECH } from './wording.js';

/**
 * The opening words: a passage that points back does so first thing; a demonstrative later in the
 * sentence ("…and, related to that, are nervous") points inside it.
 */
const OPENING_WORDS = 6;
/**
 * A demonstrative standing alone, not before its noun ("that's", "this has", "touch on this at
 * all", "until that happens"), nor as the "that" of reported speech ("acknowledge that the US…"),
 * which a determiner, name or noun follows.
 */
const DEMONSTRATIVE =
  /\b(?:this|that|these|those)(?:['’]s\b|(?=\s*(?:[.,;:!?)]|$))|\s+(?=(?:is|was|are|were|has|have|had|will|would|can|could|may|might|must|does|did|happens|happened|means|at|of|to|for|as|all)\b))/iu;

export function refersBack(text: string): boolean {
  const sentence = text.split(/[.!?](?:\s|$)/u, 1)[0] ?? '';
  const words = sentence
    .replace(QUOTED_SPEECH, ' ')
    .split(/\s+/u)
    .filter((w) => w.length > 0);
  // One word past the opening ones, so a demonstrative's following word can be read.
  const opening = words.slice(0, OPENING_WORDS + 1).join(' ');
  const pointer = DEMONSTRATIVE.exec(opening);
  if (pointer === null) return false;
  return (
    opening
      .slice(0, pointer.index)
      .split(/\s+/u)
      .filter((w) => w.length > 0).length < OPENING_WORDS
  );
}
