/**
 * The engine's knowledge of English (word frequencies from SUBTLEX, a WordNet thesaurus), as the
 * library hands it in, and the case-folded view of it the query reader uses (counts, names, spelling).
 */
import { FuzzyIndex } from './fuzzy.js';
import type { FuzzyMatch } from './fuzzy.js';
import { fold } from './tokenize.js';

/**
 * A word related to a question word by meaning or form, with a confidence 0–1 that it stands for it:
 * a synonym, a derived form, or a broader word (what the word's sense is a kind of: citizen → national).
 */
export interface RelatedWord {
  readonly word: string;
  readonly weight: number;
  readonly relation: 'synonym' | 'derivation' | 'broader';
}

/** A part of speech of the dictionary. */
export type WordClass = 'noun' | 'verb' | 'adj' | 'adv';

/** The kinds of thing proper names name. */
export type NamedKind = 'organization' | 'person' | 'location';

/** Synonyms and derived forms of a lower-case English word (see src/wordnet.ts). */
export interface Thesaurus {
  related(word: string): readonly RelatedWord[];
  /** Synonyms and broader words of a two-word noun the dictionary lists (top brass → brass, establishment). */
  compoundRelated?(first: string, second: string): readonly RelatedWord[];
  /** Synonyms of a verb with its particle, as the dictionary lists the pair (turn down → reject, refuse). */
  phrasalRelated?(verb: string, particle: string): readonly RelatedWord[];
  /** Dictionary forms of a word (issues → issue); empty when the thesaurus does not know it. */
  lemmas(word: string): readonly string[];
  /** The parts of speech the dictionary knows the word as (empty when it does not know it). */
  partsOfSpeech?(word: string): readonly WordClass[];
  /** Whether the dictionary knows the word only as a noun (wheat, population; not speed, strike). */
  onlyNoun?(word: string): boolean;
  /** Whether the dictionary has the word in lower case in some sense (objection: yes; Germany, UK: no). */
  commonWord?(word: string): boolean;
  /** Whether two words form a noun the dictionary lists as one (prime minister, stock exchange). */
  nounCompound?(first: string, second: string): boolean;
  /**
   * What kinds of named thing a common noun is (newspaper: organization; minister: person; state:
   * location, organization); empty for a noun that is no kind of named thing (law, part).
   */
  kindsOf?(word: string): readonly NamedKind[];
  /** What a proper name the dictionary lists is (japan: location); undefined when it does not list it. */
  nameKinds?(word: string): readonly NamedKind[] | undefined;
  /** Nouns for kinds of the thing a noun names (scientist → researcher, chemist). */
  narrower?(word: string): readonly string[];
}

/** A word used like another, by the cosine (0–1) of their distributional vectors. */
export interface Neighbour {
  readonly word: string;
  readonly cosine: number;
}

/** Nearest words by distributional vectors (see src/word-neighbours.ts). */
export interface WordNeighbours {
  /** The words used most like a lower-case word, nearest first; empty when the table lacks it. */
  neighbours(word: string): readonly Neighbour[];
}

/**
 * The engine's knowledge of English: word → count in a large corpus (SUBTLEX), spelled as in the list
 * (proper nouns capitalised), and optionally a thesaurus for words the question uses but the article
 * puts differently.
 */
export interface Lexicon extends ReadonlyMap<string, number> {
  readonly thesaurus?: Thesaurus;
  readonly neighbours?: WordNeighbours;
}

export interface LexiconInfo {
  readonly thesaurus: Thesaurus | undefined;
  readonly neighbours: WordNeighbours | undefined;
  /** Count of the word in any case. */
  count(word: string): number;
  /** Whether the list spells the word mostly with a capital (a name: Germany, Ericsson). */
  isName(word: string): boolean;
  /**
   * The English word a non-word most likely misspells: the nearest, then one the article has
   * (`inArticle`), then the commonest (aprove → approve, not prove).
   */
  correct(word: string, inArticle: (word: string) => boolean): FuzzyMatch | undefined;
  readonly total: number;
}

/** English words rarer than this are too often misspellings themselves to correct towards. */
const MIN_CORRECTION_COUNT = 20;

const preparedLexicons = new WeakMap<Lexicon, LexiconInfo>();

/** Case-folded view of the lexicon; prepared once per lexicon object (engines are rebuilt, lexicons not). */
export function prepareLexicon(lexicon: Lexicon | undefined): LexiconInfo | undefined {
  if (lexicon === undefined) return undefined;
  const cached = preparedLexicons.get(lexicon);
  if (cached !== undefined) return cached;
  const info = foldLexicon(lexicon);
  preparedLexicons.set(lexicon, info);
  return info;
}

function foldLexicon(lexicon: Lexicon): LexiconInfo {
  const counts = new Map<string, number>();
  const capitalised = new Map<string, number>();
  let total = 0;
  for (const [word, count] of lexicon) {
    const folded = fold(word);
    counts.set(folded, (counts.get(folded) ?? 0) + count);
    if (/^\p{Lu}/u.test(word)) capitalised.set(folded, (capitalised.get(folded) ?? 0) + count);
    total += count;
  }
  // Built on the first misspelling, once per process: most questions have none.
  let english: FuzzyIndex | undefined;
  const correct = (word: string, inArticle: (word: string) => boolean): FuzzyMatch | undefined => {
    // One edit only: a two-edit scan of the whole English list costs tens of milliseconds per word.
    english ??= new FuzzyIndex(
      [...counts].filter(([w, n]) => n >= MIN_CORRECTION_COUNT && /^\p{Ll}+$/u.test(w)).map(([w]) => w),
      counts,
      1,
    );
    const matches = english.lookup(word, 12, 1);
    const nearest = matches[0]?.distance;
    let best: FuzzyMatch | undefined;
    for (const match of matches) {
      if (match.distance !== nearest || (counts.get(match.word) ?? 0) < MIN_CORRECTION_COUNT) continue;
      // The asker is asking about this article: of equally near words, one it uses is likelier meant.
      const rank = (m: FuzzyMatch): [number, number] => [inArticle(m.word) ? 1 : 0, counts.get(m.word) ?? 0];
      const [a, b] = [rank(match), best === undefined ? [-1, -1] : rank(best)];
      if (a[0] > (b[0] ?? 0) || (a[0] === b[0] && a[1] > (b[1] ?? 0))) best = match;
    }
    return best;
  };
  return {
    thesaurus: lexicon.thesaurus,
    neighbours: lexicon.neighbours,
    correct,
    count: (word) => counts.get(word) ?? 0,
    isName: (word) => (capitalised.get(word) ?? 0) * 2 > (counts.get(word) ?? 0),
    total: Math.max(total, 1),
  };
}
