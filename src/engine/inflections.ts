/**
 * Whether a question word and the corpus's words for its index term are forms of one word
 * (approve/approved, talk/talks, worry/worried) or only of one family (nations/national,
 * general/generally). The stemmer folds both alike; a reader does not: "nations" asks about
 * countries, and "national" in "national wholesale network" says nothing of them. A family match is
 * evidence like the derivations rule's (weaker), and leaves room for the word's synonyms.
 */
import type { InvertedIndex } from './index-build.js';
import { fold } from './tokenize.js';

/** The forms an inflected word may come from: itself, and without a plural, past or -ing ending. */
export function baseForms(word: string): string[] {
  const forms = [word];
  const add = (base: string): void => {
    if (base.length >= 2) forms.push(base);
  };
  const undouble = (base: string): void => {
    // banned → ban, stopping → stop
    if (/([b-df-hj-np-tv-z])\1$/u.test(base)) add(base.slice(0, -1));
  };
  if (word.endsWith('ies')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) add(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) add(word.slice(0, -1));
  if (word.endsWith('ied')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('ed')) {
    const base = word.slice(0, -2);
    add(base);
    add(`${base}e`);
    undouble(base);
  }
  if (word.endsWith('ing')) {
    const base = word.slice(0, -3);
    add(base);
    add(`${base}e`);
    undouble(base);
  }
  return forms;
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const fromA = new Set(baseForms(a));
  return baseForms(b).some((form) => fromA.has(form));
}

/**
 * Whether the corpus writes the term only as other members of the word's family: no written form
 * of it is an inflection of the question word. Terms with no recorded written word (names written
 * in capitals, compound parts) are taken as the word itself.
 */
export function onlyFamilyOf(word: string, term: number, index: InvertedIndex): boolean {
  // The index keeps each term's single-word written forms (sentence-scores.ts reads them too).
  const surfaces = index.forms.slice(index.formStart[term] ?? 0, index.formStart[term + 1] ?? 0).map(fold);
  if (surfaces.length === 0) return false;
  if (!/^[a-z]+$/u.test(word)) return false;
  return !surfaces.some((surface) => !/^[a-z]+$/u.test(surface) || sameWord(word, surface));
}
