/**
 * One question word as a concept: the index terms that can stand for it (its own forms, derivations,
 * thesaurus synonyms, vector neighbours, a typo's corrections, an abbreviation's word), each with a
 * confidence weight, and its mass, and whether its absence from the corpus is evidence against the
 * question (an absent name, an absent thing). query.ts reads the question into these.
 */
import { broaderRarity, looksLikeName, specificity, unknownMass } from './evidence.js';
import type { InvertedIndex } from './index-build.js';
import type { Concept, QueryContext, Variant } from './query.js';
import { STOPWORDS, stem, tokenize } from './tokenize.js';
import type { Token } from './tokenize.js';
import { confirmSynonyms, neighbourVariants } from './neighbours.js';
import { onlyFamilyOf } from './inflections.js';
import {
  abbreviationVariant,
  acronymTerms,
  addRelated,
  derivations,
  nearStopword,
  typoVariants,
} from './variants.js';
import { ALIAS_WEIGHT, DERIVATION_WEIGHT } from './weights.js';

export function meanIdf(terms: readonly number[], index: InvertedIndex): number {
  let sum = 0;
  for (const t of terms) sum += index.idf[t] ?? 0;
  return terms.length > 0 ? sum / terms.length : 0;
}

/** `depth` 1: the word is an English correction of what was typed (corrected at most once). */
export function wordConcept(
  token: Token,
  context: QueryContext,
  writtenAsName: boolean,
  depth = 0,
  answerType = false,
  particle?: string,
): Concept | undefined {
  const { index, lexicon, rules } = context;
  const variants: Variant[] = [];
  const exact = index.termIds.get(token.term);
  const realWord = lexicon !== undefined && lexicon.count(token.word) > 0;
  // A misspelling corrected to an English word counts like the English word.
  const hasPostings = (id: number): boolean =>
    (index.postingStart[id + 1] ?? 0) > (index.postingStart[id] ?? 0) ||
    (index.contextStart[id + 1] ?? 0) > (index.contextStart[id] ?? 0);
  // Lower-case "use"/"us" stem to the term of the acronym US; only a written acronym means it.
  const acronymOnly =
    exact !== undefined &&
    !token.acronym &&
    token.word !== token.term &&
    rules.on('acronym-case') &&
    acronymTerms(index).has(exact);
  const stemmed = exact !== undefined && hasPostings(exact) && !acronymOnly;
  // The article writes the stem only as another word of the family (nations → national): that is
  // a derivation, not the word, and the word's synonyms may still stand for it.
  const familyOnly = stemmed && rules.on('inflections-only') && onlyFamilyOf(token.word, exact, index);
  const hasExact = stemmed && !familyOnly;
  const thesaurus = realWord && !token.acronym && rules.on('thesaurus') ? lexicon.thesaurus : undefined;
  if (hasExact) variants.push({ terms: [exact], weight: 1 });
  else if (familyOnly) variants.push({ terms: [exact], weight: DERIVATION_WEIGHT });
  // SMH for the Sydney Morning Herald the passages write out.
  const spelledOut =
    token.acronym && !stemmed && rules.on('name-initials') ? context.initials?.get(token.word) : undefined;
  if (spelledOut !== undefined) variants.push({ terms: spelledOut, weight: ALIAS_WEIGHT });
  for (const id of rules.on('derivations') ? derivations(token.term, index) : []) {
    if (id !== exact && hasPostings(id)) variants.push({ terms: [id], weight: DERIVATION_WEIGHT });
  }
  const specific = specificity(token.word, context);
  const vectors = lexicon?.neighbours;
  const broader = broaderRarity(context);
  if (!hasExact && thesaurus !== undefined) {
    const synonymsFrom = variants.length;
    addRelated(thesaurus.related(token.word), index, variants, hasPostings, specific, broader);
    if (rules.on('confirmed-synonyms') && vectors !== undefined)
      confirmSynonyms(token.word, vectors, index, variants, synonymsFrom);
  }
  // "Turned down", "patch things up": the verb with its particle means what the pair means (reject,
  // repair), which the verb alone (turn, patch) does not; the pair's synonyms stand for it even where
  // the article has the verb in another sense.
  if (particle !== undefined && thesaurus?.phrasalRelated !== undefined && rules.on('multiword-lemmas'))
    addRelated(
      thesaurus.phrasalRelated(token.word, particle),
      index,
      variants,
      hasPostings,
      specific,
      broader,
    );
  // Word-vector neighbours rank a paraphrase but, like the absent word itself, are no evidence that
  // the article covers the thing asked about: the absent-name and absent-thing checks ignore them.
  // A name's neighbours are other names (Germany → Italy), never the same thing.
  const named = writtenAsName || looksLikeName(token.word, lexicon);
  const neighbours = new Set<Variant>();
  const table = rules.on('embedding-neighbours') ? vectors : undefined;
  if (
    !hasExact &&
    realWord &&
    !token.acronym &&
    !named &&
    specific >= NEIGHBOUR_MIN_SPECIFICITY &&
    table !== undefined
  ) {
    for (const near of neighbourVariants(token.word, table, index, variants, hasPostings, specific)) {
      neighbours.add(near);
      variants.push(near);
    }
  }
  // A written abbreviation of one article word (natl, govt) means that word.
  // Such spellings are rare in the word list (natl, govt: a handful of uses) rather than absent.
  const rareSpelling = (lexicon?.count(token.word) ?? 0) < RARE_WORD_COUNT;
  const abbreviation =
    !hasExact && !token.acronym && rareSpelling && variants.length === 0 && rules.on('typo-correction')
      ? abbreviationVariant(token.word, index)
      : undefined;
  if (abbreviation !== undefined) variants.push(abbreviation);
  else if (!hasExact && !token.acronym && !realWord && rules.on('typo-correction')) {
    // A misspelling: the word meant is the nearest spelling in the article or in English, whichever
    // is nearer (aprove → approve, which the article has as "approved"; suprising → surprising).
    const inArticle = index.fuzzy.lookup(token.word, 4, 2);
    const inEnglish = lexicon?.correct(token.word, (word) => {
      const id = index.termIds.get(stem(word));
      return id !== undefined && hasPostings(id);
    });
    const articleDistance = inArticle[0]?.distance ?? Number.POSITIVE_INFINITY;
    if (inEnglish !== undefined && inEnglish.distance <= articleDistance && depth === 0) {
      const corrected = tokenize(inEnglish.word)[0];
      // A misspelt function word (wat, teh) says nothing about the topic.
      if (corrected === undefined) return undefined;
      const meant = wordConcept(
        { ...token, word: corrected.word, term: corrected.term },
        context,
        writtenAsName,
        1,
        answerType,
      );
      if (meant === undefined) return undefined;
      const extra = typoVariants(inArticle, inEnglish.distance, token.word, index, meant.variants);
      return { ...meant, label: token.surface, variants: [...meant.variants, ...extra] };
    }
    variants.push(...typoVariants(inArticle, articleDistance, token.word, index, variants));
  }
  if (!token.acronym && rules.on('acronym-case')) {
    // No form of a lower-case word stands for an acronym (uses → us is not the US).
    const acronyms = acronymTerms(index);
    for (let k = variants.length - 1; k >= 0; k -= 1) {
      const variant = variants[k];
      const typedAsIs =
        variant?.terms.length === 1 && variant.terms[0] === exact && token.word === token.term;
      if (!typedAsIs && variant?.terms.some((t) => acronyms.has(t)) === true) variants.splice(k, 1);
    }
  }
  if (variants.length === 0 && STOPWORDS.has(token.word)) return undefined;
  // "Whta", "teh": a misspelt function word says nothing about the topic (but a name might be meant).
  const rare = !realWord || (lexicon?.count(token.word) ?? 0) < RARE_WORD_COUNT;
  if (variants.length === 0 && rare && !writtenAsName && !token.acronym && nearStopword(token.word)) {
    return undefined;
  }
  let mass: number;
  if (hasExact) mass = (index.idf[exact] ?? 0) * specific;
  else if (variants.length > 0 && !realWord) {
    // A misspelling of a corpus word: the question is about that word.
    mass = Math.max(...variants.map((v) => meanIdf(v.terms, index)));
  } else {
    // A real word the article lacks; derivations or look-alikes only partly stand in for it.
    const unknown = unknownMass(token, context, writtenAsName);
    const derived = variants
      .filter((v) => v.weight === DERIVATION_WEIGHT)
      .map((v) => meanIdf(v.terms, index) * specific);
    mass = Math.max(unknown, ...derived);
  }
  const ownVariants = variants.filter((variant) => !neighbours.has(variant)).length;
  const absentName = ownVariants === 0 && named;
  const absentThing =
    !answerType &&
    ownVariants === 0 &&
    realWord &&
    !token.acronym &&
    specific >= ABSENT_THING_MIN_SPECIFICITY &&
    thesaurus?.onlyNoun?.(token.word) === true &&
    // The article may name a kind of it instead (scientists → the researchers).
    !(thesaurus.narrower?.(token.word) ?? []).some((kind) => {
      const id = index.termIds.get(stem(kind));
      return id !== undefined && hasPostings(id);
    });
  return {
    label: token.surface,
    mass,
    variants,
    words: [token.word],
    absentName,
    absentThing,
    ...(answerType ? { answerType: true } : {}),
  };
}
/** A word this rare in English one slip from a function word is that word mistyped (wat → what). */
const RARE_WORD_COUNT = 100;
/** Everyday nouns (thing, way, people) name no topic of their own. */
const ABSENT_THING_MIN_SPECIFICITY = 0.9;
/** An everyday word's vector neighbours are everyday words too (best → better, first): they match anywhere. */
const NEIGHBOUR_MIN_SPECIFICITY = 0.9;
