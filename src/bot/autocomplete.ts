/**
 * /ask autocomplete: questions, never bare sentences of the article. What the person typed comes first
 * when it reads as a question; then questions the article answers (its example questions and questions
 * derived from the facts: "What did Italy decide about Huawei?"), ranked by what was typed: first by the
 * words they share (the last word may be half typed), then by whether the engine answers the typed text
 * from the same passage as the question. Pure over the library; the per-library work is cached.
 */
import type { Library } from '../library.js';
import { SIDE_LABELS } from '../facts/types.js';
import type { ArgumentSide, Decision, FactSet } from '../facts/types.js';
import { QUESTION_TEMPLATES } from './strings.js';

interface Candidate {
  readonly question: string;
  readonly words: readonly string[];
  /** Passage the engine answers this question from (undefined when it does not answer it). */
  readonly passageId: string | undefined;
}

/**
 * Words that say what kind of question it is rather than what it is about; they would make every
 * question match every other. Kept short: content words must all count.
 */
const FUNCTION_WORDS = new Set(
  'a an the of to in on for and or is are was were be do does did has have had what why who whom when where which how will would could should can about with its it this that their they them some any'.split(
    ' ',
  ),
);

function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((word) => !FUNCTION_WORDS.has(word));
}

/** Questions the facts answer, one or two per decision and per named speaker and side. */
export function factQuestions(facts: FactSet): string[] {
  const out: string[] = [];
  for (const decision of facts.decisions) out.push(...decisionQuestions(decision));
  for (const argument of facts.arguments) {
    if (typeof argument.speaker !== 'string' && isPersonName(argument.speaker.name)) {
      out.push(QUESTION_TEMPLATES.speaker(argument.speaker.name));
    }
  }
  const sides = new Set(facts.arguments.map((argument) => argument.side));
  for (const side of ['for-huawei-access', 'against-huawei-access'] as const satisfies ArgumentSide[]) {
    if (sides.has(side)) out.push(QUESTION_TEMPLATES.side(SIDE_LABELS[side]));
  }
  return out;
}

/**
 * "Vincent Peng", "Kian Ming Ong": two or more capitalised words read as a person, who can be asked about
 * by name alone; "US government" or "Huawei" would need an article or a role to read as English.
 */
function isPersonName(name: string): boolean {
  const parts = name.split(/\s+/);
  return parts.length >= 2 && parts.every((part) => /^\p{Lu}/u.test(part));
}

/**
 * A country as it reads inside a sentence: names built on a common noun ("United States", "Republic of
 * Korea") or plural ("Netherlands", "Philippines") take "the"; plain names do not.
 */
export function countryInSentence(country: string): string {
  const takesThe =
    /^(?:United|Republic|Kingdom|Democratic|Federated|Czech Republic)\b/.test(country) ||
    /(?:lands|ines|States|Islands|Emirates)$/.test(country);
  return takesThe ? `the ${country}` : country;
}

function decisionQuestions(decision: Decision): string[] {
  const { vendor } = decision;
  const country = countryInSentence(decision.country);
  const out = [QUESTION_TEMPLATES.decided(country, vendor)];
  if (decision.reasons.length) out.push(QUESTION_TEMPLATES.why[decision.status](country, vendor));
  if (decision.conditions.length) out.push(QUESTION_TEMPLATES.conditions(country, vendor));
  return out;
}

const cache = new WeakMap<Library, Candidate[]>();

function candidates(library: Library): Candidate[] {
  const cached = cache.get(library);
  if (cached) return cached;
  const seen = new Set<string>();
  const list: Candidate[] = [];
  const examples = library.corpus.articles.flatMap((article) => article.questions);
  const exampleWords = examples.map((question) => new Set(words(question)));
  // A derived question whose words an example question all has is a vaguer copy of it.
  const derived = factQuestions(library.facts).filter(
    (question) => !exampleWords.some((example) => words(question).every((word) => example.has(word))),
  );
  for (const question of [...examples, ...derived]) {
    const key = question.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const result = library.engine.search(question, { limit: 1 });
    list.push({
      question,
      words: words(question),
      passageId: result.kind === 'answer' ? result.results[0]?.passage.id : undefined,
    });
  }
  cache.set(library, list);
  return list;
}

/** Share of the typed words a candidate has: whole words, or a prefix for the word being typed. */
function wordScore(typed: readonly string[], candidate: readonly string[], lastIsPartial: boolean): number {
  if (typed.length === 0) return 0;
  let score = 0;
  typed.forEach((word, i) => {
    const partial = lastIsPartial && i === typed.length - 1;
    if (candidate.includes(word)) score += 1;
    else if (candidate.some((c) => (partial || word.length >= 4) && c.startsWith(word))) score += 0.8;
    // "banned" typed, "ban" in the question: same word, other ending.
    else if (candidate.some((c) => c.length >= 3 && word.length >= 4 && word.startsWith(c))) score += 0.6;
  });
  return score / typed.length;
}

/**
 * A usable question: it ends with a question mark, or names at least two things (one content word, as in
 * "what did italy", is a question still being typed).
 */
function isUsableQuestion(typed: string): boolean {
  return /\p{L}.*\?$/u.test(typed) || words(typed).filter((word) => /\p{L}{2,}/u.test(word)).length >= 2;
}

export function suggestQuestions(library: Library, typed: string, limit: number): string[] {
  const text = typed.trim();
  const all = candidates(library);
  if (!text) return all.slice(0, limit).map((candidate) => candidate.question);
  const typedWords = words(text);
  const lastIsPartial = !/[\s?.!]$/.test(typed);
  const answer = typedWords.length ? library.engine.search(text, { limit: 3 }) : undefined;
  const passages = answer?.kind === 'answer' ? answer.results.map((hit) => hit.passage.id) : [];
  const ranked = all
    .map((candidate, order) => {
      const lexical = wordScore(typedWords, candidate.words, lastIsPartial);
      const at = candidate.passageId === undefined ? -1 : passages.indexOf(candidate.passageId);
      const semantic = at === -1 ? 0 : 0.5 / (at + 1);
      return { candidate, order, score: lexical * 2 + semantic };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((entry) => entry.candidate.question);
  const own = isUsableQuestion(text) ? [text] : [];
  const seen = new Set<string>();
  return [...own, ...ranked]
    .filter((question) => {
      const key = question.toLowerCase().replace(/[?\s]+$/, '');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit);
}
