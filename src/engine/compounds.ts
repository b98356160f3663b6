/**
 * Compound nouns: "prime minister", "stock exchange", "light rail" name one thing, not a prime and a
 * minister. When the question uses one the dictionary lists and no passage has the two words side
 * by side, its words matched apart (the article's "prime supplier", "deputy minister") are not
 * evidence that the article covers it: the compound is one concept the article lacks.
 */
import { broaderRarity, specificity, unknownMass } from './evidence.js';
import { docHasTerm } from './index-build.js';
import type { InvertedIndex } from './index-build.js';
import { stem, tokenize } from './tokenize.js';
import type { Concept, QueryContext } from './query.js';
import type { Token } from './tokenize.js';
import { addRelated } from './variants.js';
import type { Variant } from './query.js';

/** Whether some passage has the two words next to each other, spaced, hyphenated or joined. */
export function corpusHasPair(index: InvertedIndex, first: Token, second: Token): boolean {
  // Written as one word (cyberattack): the joined form's term.
  if (index.termIds.has(first.term + second.term)) return true;
  const a = index.termIds.get(first.term);
  const b = index.termIds.get(second.term);
  if (a === undefined || b === undefined) return false;
  // Walk the rarer word's passages; bounded, since a question pays for this on every such pair.
  const [rare, other] = df(index, a) <= df(index, b) ? [a, b] : [b, a];
  let checked = 0;
  for (let p = index.postingStart[rare] ?? 0; p < (index.postingStart[rare + 1] ?? 0); p += 1) {
    const doc = index.postingDoc[p] ?? -1;
    if (!docHasTerm(index, doc, other)) continue;
    // Read as the index reads: a hyphenated pair (light-rail) yields both words in order too.
    const words = tokenize(index.passages[doc]?.text ?? '').filter((t) => !t.joined);
    for (let k = 0; k + 1 < words.length; k += 1) {
      if (words[k]?.term === first.term && words[k + 1]?.term === second.term) return true;
    }
    checked += 1;
    if (checked >= MAX_PASSAGES_READ) break;
  }
  return false;
}

/** Passages with both words read before concluding they are never side by side. */
const MAX_PASSAGES_READ = 200;

function df(index: InvertedIndex, term: number): number {
  return (index.postingStart[term + 1] ?? 0) - (index.postingStart[term] ?? 0);
}

/**
 * The compound noun starting at token i when the dictionary lists it and the corpus never has its two
 * words together (rule absent-compound); undefined otherwise. A compound naming the answer's kind
 * ("which news agency") is not one: the article may give the agency's name without the words.
 */
export function absentCompound(
  text: string,
  tokens: readonly Token[],
  i: number,
  context: QueryContext,
  answerTypes: ReadonlySet<Token>,
): Concept | undefined {
  const first = tokens[i];
  const second = tokens[i + 1];
  const thesaurus = context.lexicon?.thesaurus;
  if (first === undefined || second === undefined || thesaurus?.nounCompound === undefined) return undefined;
  if (!context.rules.on('absent-compound') || answerTypes.has(first) || first.acronym || second.acronym)
    return undefined;
  if (!/^\s+$/u.test(text.slice(first.end, second.start))) return undefined;
  if (!thesaurus.nounCompound(first.word, second.word)) return undefined;
  if (corpusHasPair(context.index, first, second)) return undefined;
  // "Top brass", "olive branch": the compound's own synonyms and broader words (establishment,
  // offer) may be in the article. Its head as a broader word (European country → country) is not:
  // that drops the part that says which one.
  const variants: Variant[] = [];
  const related = context.rules.on('multiword-lemmas')
    ? (thesaurus.compoundRelated?.(first.word, second.word) ?? []).filter((r) => stem(r.word) !== second.term)
    : [];
  if (related.length > 0) {
    const { index } = context;
    const hasPostings = (id: number): boolean =>
      (index.postingStart[id + 1] ?? 0) > (index.postingStart[id] ?? 0);
    const specific = specificity(second.word, context);
    addRelated(related, index, variants, hasPostings, specific, broaderRarity(context));
  }
  return {
    label: `${first.surface} ${second.surface}`,
    mass: unknownMass(second, context, true),
    variants,
    words: [first.word, second.word],
    ...(variants.length === 0 ? { absentCompound: true } : {}),
  };
}
