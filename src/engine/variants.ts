/**
 * Query variants: the index terms that may stand for a question word besides itself (derived forms,
 * compound parts, thesaurus synonyms, typo corrections), and the terms a lower-case word must not meet
 * (acronyms).
 */
import { boundedEditDistance } from './fuzzy.js';
import type { FuzzyMatch } from './fuzzy.js';
import type { InvertedIndex } from './index-build.js';
import type { RelatedWord } from './lexicon-info.js';
import type { Variant } from './query.js';
import { STOPWORDS, plainWordTerm, stem } from './tokenize.js';
import {
  DERIVATION_WEIGHT,
  MAX_SYNONYM_COVER,
  MIN_RELATED_WEIGHT,
  SYNONYM_WEIGHT,
  TYPO_WEIGHT,
} from './weights.js';

const acronymTermsOf = new WeakMap<InvertedIndex, ReadonlySet<number>>();

/** Index terms written in the corpus only as acronyms (US, IT): no plain word of the corpus has them. */
export function acronymTerms(index: InvertedIndex): ReadonlySet<number> {
  const cached = acronymTermsOf.get(index);
  if (cached !== undefined) return cached;
  const plain = new Set<number>();
  const all = new Set<number>();
  for (const [surface, id] of index.surfaceTerm) {
    all.add(id);
    const term = plainWordTerm(surface);
    if (term !== undefined && index.termIds.get(term) === id) plain.add(id);
  }
  const acronyms = new Set([...all].filter((id) => !plain.has(id)));
  acronymTermsOf.set(index, acronyms);
  return acronyms;
}

const surfacesByStart = new WeakMap<InvertedIndex, ReadonlyMap<string, readonly string[]>>();

/** The corpus's written words grouped by their first two letters (built once per index, on first use). */
function surfacesStartingWith(index: InvertedIndex, start: string): readonly string[] {
  let groups = surfacesByStart.get(index);
  if (groups === undefined) {
    const built = new Map<string, string[]>();
    for (const surface of index.surfaceTerm.keys()) {
      if (!/^[a-z]{3,}$/u.test(surface)) continue;
      const key = surface.slice(0, 2);
      const group = built.get(key);
      if (group === undefined) built.set(key, [surface]);
      else group.push(surface);
    }
    groups = built;
    surfacesByStart.set(index, groups);
  }
  return groups.get(start) ?? [];
}

/** Whether the letters of `short` occur in `long` in order. */
function inOrder(short: string, long: string): boolean {
  let k = 0;
  for (const letter of long) if (letter === short[k]) k += 1;
  return k === short.length;
}

/**
 * The one corpus word a written abbreviation stands for (natl → national, govt → government, execs
 * → executives): the same first two and last letters, the others in order, at least two letters
 * longer. Undefined when no corpus word or more than one fits: then it is not clearly an abbreviation.
 */
export function abbreviationVariant(word: string, index: InvertedIndex): Variant | undefined {
  if (!/^[a-z]{3,6}$/u.test(word)) return undefined;
  const last = word.charAt(word.length - 1);
  const meant = new Set<number>();
  for (const surface of surfacesStartingWith(index, word.slice(0, 2))) {
    if (surface.length < word.length + 2 || !surface.endsWith(last) || !inOrder(word, surface)) continue;
    const id = index.surfaceTerm.get(surface);
    if (id !== undefined) meant.add(id);
  }
  const [only] = meant;
  return meant.size === 1 && only !== undefined ? { terms: [only], weight: TYPO_WEIGHT } : undefined;
}

/** Article words at most `within` edits from a misspelling, as variants weighted by closeness. */
export function typoVariants(
  matches: readonly FuzzyMatch[],
  within: number,
  word: string,
  index: InvertedIndex,
  existing: readonly Variant[],
): Variant[] {
  const found: Variant[] = [];
  for (const match of matches) {
    if (match.distance > within) continue;
    const id = index.surfaceTerm.get(match.word);
    if (id === undefined || [...existing, ...found].some((v) => v.terms[0] === id)) continue;
    const closeness = 1 - match.distance / Math.max(word.length, match.word.length);
    found.push({ terms: [id], weight: TYPO_WEIGHT * closeness });
  }
  return found;
}

const MAX_RELATED_VARIANTS = 6;

/**
 * Adds index terms of a word's related words (synonyms, derived forms and, given `broader`, the
 * rarity of a word, broader words; only terms the index has) as variants.
 */
export function addRelated(
  relatedWords: readonly RelatedWord[],
  index: InvertedIndex,
  variants: Variant[],
  hasPostings: (id: number) => boolean,
  specific: number,
  broader: ((word: string) => number) | undefined,
): void {
  let added = 0;
  for (const related of relatedWords) {
    if (added >= MAX_RELATED_VARIANTS) break;
    if (related.relation === 'broader' && broader === undefined) continue;
    const id = index.termIds.get(stem(related.word));
    if (id === undefined || !hasPostings(id) || variants.some((v) => v.terms[0] === id)) continue;
    // An everyday word's synonyms are everyday words too: they would match anywhere.
    // A broader word (national for citizen, promise for pledge) names what was asked about, less
    // exactly; an everyday broader word (act, person, get) says nothing, so its own rarity scales it.
    const weight =
      related.relation === 'derivation'
        ? DERIVATION_WEIGHT
        : SYNONYM_WEIGHT *
          related.weight *
          specific *
          (related.relation === 'broader' ? (broader?.(related.word) ?? 0) : 1);
    if (weight < MIN_RELATED_WEIGHT) continue;
    variants.push({ terms: [id], weight, cover: Math.min(weight, MAX_SYNONYM_COVER) });
    added += 1;
  }
}

const STOPWORD_LIST = [...STOPWORDS].filter((word) => word.length >= 2);

/** Whether a word is one edit from a stopword of three letters or more (a typo of a function word). */
export function nearStopword(word: string): boolean {
  if (word.length < 3 || word.length > 8) return false;
  return STOPWORD_LIST.some(
    (stopword) =>
      stopword.length >= 3 &&
      Math.abs(stopword.length - word.length) <= 1 &&
      boundedEditDistance(word, stopword, 1) <= 1,
  );
}

const MIN_DERIVATION_STEM = 5;
const MAX_DERIVATIONS = 4;

/**
 * Index terms that share a stem prefix with the question word (compete/competition, invest/investor):
 * terms extending the query stem by a few letters, and the query stem's own prefixes that are terms.
 */
export function derivations(term: string, index: InvertedIndex): number[] {
  if (term.length < MIN_DERIVATION_STEM || !/^\p{L}+$/u.test(term)) return [];
  const isTerm = (rest: string): boolean => rest.length >= MIN_DERIVATION_STEM - 1 && index.termIds.has(rest);
  const found: number[] = [];
  const sorted = index.sortedTerms;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? '') < term) low = mid + 1;
    else high = mid;
  }
  for (let k = low; k < sorted.length && found.length < MAX_DERIVATIONS; k += 1) {
    const candidate = sorted[k] ?? '';
    if (!candidate.startsWith(term)) break;
    // Longer extensions only when the rest is a word of its own: a compound (cyber → cybersecurity).
    if (candidate.length > term.length + 4 && !isTerm(candidate.slice(term.length))) continue;
    const id = index.termIds.get(candidate);
    if (id !== undefined) found.push(id);
  }
  for (
    let length = term.length - 1;
    length >= MIN_DERIVATION_STEM && length >= term.length - 3;
    length -= 1
  ) {
    const id = index.termIds.get(term.slice(0, length));
    if (id !== undefined) found.push(id);
  }
  // A negated form asks about the same thing as its base (unconditional → conditional, nonbinding →
  // binding): the passage that says it is conditional answers whether it is unconditional.
  const negated = /^(?:un|non)(?=\p{L}{4})/u.exec(term);
  if (negated !== null) {
    const id = index.termIds.get(term.slice(negated[0].length));
    if (id !== undefined && !found.includes(id)) found.push(id);
  }
  return found;
}
