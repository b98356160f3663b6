/**
 * How much a question word weighs and whether its absence from the corpus is evidence that the
 * question is about something else: a name (Germany, Reuters) is; an everyday word a paraphrase
 * happens to use is only weakly (see abstain.ts for how the evidence is weighed).
 */
import { bm25Idf } from './index-build.js';
import type { LexiconInfo } from './lexicon-info.js';
import type { QueryContext } from './query.js';
import type { Token } from './tokenize.js';
import { ABSENT_COMMON_WORD, SPECIFICITY_FLOOR } from './weights.js';

/**
 * Whether the word list spells this word mostly with a capital and it is not an everyday word
 * (subtitles capitalise "Come on!" at sentence starts, so frequent words are excluded).
 */
export function looksLikeName(word: string, lexicon: LexiconInfo | undefined): boolean {
  if (lexicon === undefined) return false;
  const count = lexicon.count(word);
  return count > 0 && count < NAME_MAX_COUNT && spelledAsName(word, lexicon);
}

/**
 * The word list capitalises it (subtitle lines start with a capital, so "Objection!" looks like a
 * name there) and the dictionary does not know it as a common word: Germany, Reuters, not objection.
 */
function spelledAsName(word: string, lexicon: LexiconInfo): boolean {
  return lexicon.isName(word) && lexicon.thesaurus?.commonWord?.(word) !== true;
}
const NAME_MAX_COUNT = 5_000;

/**
 * How topical a word is, from its everyday frequency: 1 for rare words and words the list lacks
 * (Huawei), falling towards SPECIFICITY_FLOOR for words used everywhere (go, good, find). Applied to
 * every concept, so that incidental everyday words neither make nor break a match.
 */
export function specificity(word: string, context: QueryContext): number {
  const lexicon = context.lexicon;
  if (lexicon === undefined || !context.rules.on('specificity')) return 1;
  const count = lexicon.count(word);
  if (count === 0) return 1;
  const rarity = Math.log(lexicon.total / count) / Math.log(lexicon.total);
  return Math.min(1, Math.max(SPECIFICITY_FLOOR, (rarity - 0.3) / 0.25));
}

/**
 * The rarity that scales a broader word (rule broader-words): a word's specificity, so an everyday
 * broader word (act, get) weighs little; undefined when the rule is off and broader words count not.
 */
export function broaderRarity(context: QueryContext): ((word: string) => number) | undefined {
  return context.rules.on('broader-words') ? (word) => specificity(word, context) : undefined;
}

/**
 * How much an absent question word says the question is about something else. A name the article
 * lacks (Germany, Ericsson, World Cup) is strong evidence; an everyday word (worried, switched) is
 * weaker, since paraphrases use words the article does not.
 */
export function unknownMass(token: Token | undefined, context: QueryContext, writtenAsName = false): number {
  const ceiling = bm25Idf(0, Math.max(context.index.docCount, 1));
  if (token === undefined) return ceiling;
  const lexicon = context.lexicon;
  if (lexicon === undefined) return ceiling * ABSENT_COMMON_WORD;
  const count = lexicon.count(token.word);
  if (count === 0 || writtenAsName || spelledAsName(token.word, lexicon) || token.acronym) return ceiling;
  return ceiling * ABSENT_COMMON_WORD * specificity(token.word, context);
}
