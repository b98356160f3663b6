/**
 * Whether a passage opens by pointing back at the one before it: "That's not a huge surprise",
 * "He said…", "Until that happens", "Vincent Peng doesn't touch on this at all". Such a passage
 * cannot be read alone; what it is about was named just before, so the previous passage's words are
 * stronger evidence for it than for a passage that starts afresh.
 */

/** Quoted speech speaks in another voice: its pronouns ("they will talk to us") point elsewhere. */
const QUOTED = /["“][^"”]*["”]/gu;
/**
 * The opening words: a passage that points back does so first thing; a demonstrative later in the
 * sentence ("…and, related to that, are nervous") points inside it.
 */
const OPENING_WORDS = 6;
/** A personal pronoun as the passage's subject or object ("He said", "But he leaves…"). */
const PERSONAL = /\b(?:he|she|they|him|them)\b/iu;
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
    .replace(QUOTED, ' ')
    .split(/\s+/u)
    .filter((w) => w.length > 0);
  // One word past the opening ones, so a demonstrative's following word can be read.
  const opening = words.slice(0, OPENING_WORDS + 1).join(' ');
  const pointer = PERSONAL.exec(opening) ?? DEMONSTRATIVE.exec(opening);
  if (pointer === null) return false;
  return (
    opening
      .slice(0, pointer.index)
      .split(/\s+/u)
      .filter((w) => w.length > 0).length < OPENING_WORDS
  );
}
