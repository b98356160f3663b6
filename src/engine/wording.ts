/**
 * What a question's wording says about its words before any is looked up in the corpus: which
 * words the asker wrote as names, which name the kind of answer wanted ("which newspaper"), and
 * which make up the topic it says it is about ("about Huawei's revenue"). Pure string analysis of
 * English question forms over the tokens query.ts reads.
 */
import type { Token } from './tokenize.js';

/**
 * "Which newspaper", "what company": a noun right after which/what names the kind of thing the answer
 * is (the article names the newspaper without calling it one), not the topic of the question.
 */
const ANSWER_TYPE = /\b(?:which|what)\s+$/iu;

/**
 * A preposition that introduces what the question is about, with any determiners before the first
 * word of the topic ("about the pier", "regarding its population"). "About to" is not a topic.
 */
const TOPIC_MARK =
  /\b(?:about|abt|regarding|concerning)\s+(?:(?:the|a|an|its|his|her|their|our|this|that|these|those|any|some)\s+)*$/iu;
/**
 * Where a topic phrase ends: its clause ends, a contrast starts ("about the law rather than trade"),
 * or a relative clause or infinitive that only qualifies it ("about the law that obliges citizens…").
 */
const TOPIC_END =
  /[.?!;:,]|\b(?:rather\s+than|instead\s+of|than|but|or|because|since|while|whereas|not|that|which|who|whom|whose|where|when|if|whether|to)\s+$/iu;

/** The words right after which/what: the kind of answer asked for. */
export function answerTypeTokens(text: string, tokens: readonly Token[]): Set<Token> {
  return new Set(tokens.filter((token) => ANSWER_TYPE.test(text.slice(0, token.start))));
}

/** The words of the first topic phrase ("about X…" to the end of its clause), in order; empty when none. */
export function topicTokens(text: string, tokens: readonly Token[]): Set<Token> {
  const found = new Set<Token>();
  const start = tokens.findIndex(
    (token) => TOPIC_MARK.test(text.slice(0, token.start)) && !/^\d/u.test(token.word),
  );
  const first = tokens[start];
  if (first === undefined) return found;
  for (const token of tokens.slice(start)) {
    if (token !== first && TOPIC_END.test(text.slice(first.start, token.start))) break;
    found.add(token);
  }
  return found;
}

/**
 * Tokens the asker capitalised although they do not start a sentence (Germany, World Cup): names.
 * An absent name is strong evidence that the question is about something the article lacks.
 */
export function writtenAsNames(text: string, tokens: readonly Token[]): Set<Token> {
  const names = new Set<Token>();
  for (const token of tokens) {
    if (!/^\p{Lu}/u.test(token.surface)) continue;
    const before = text.slice(0, token.start).trimEnd();
    const startsSentence = before.length === 0 || /[.!?:;"“(]$/u.test(before);
    if (!startsSentence) names.add(token);
  }
  return names;
}

/**
 * Nouns that name an organisation only by its kind: "the Shenzhen firm", "the Chinese vendor", "the
 * telecom giant" refer to one the reader already knows. Not "group": as often a set of people or
 * things ("the group chat", "the group of countries").
 */
const GENERIC_ORGANISATION =
  /^(?:company|firm|vendor|supplier|giant|maker|manufacturer|provider|corporation|business|outfit|brand)$/u;

/**
 * Whether the i-th token is a word of a definite description of an organisation by its kind ("the
 * Shenzhen firm", "the Shenzhen telecom giant"): it describes who is meant, rather than naming
 * something else the question asks about.
 */
export function inOrganisationDescription(text: string, tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (token === undefined || !/\b(?:the|this|that)\s+$/iu.test(text.slice(0, token.start))) return false;
  for (let k = i + 1; k <= i + 2 && k < tokens.length; k += 1) {
    const next = tokens[k];
    const before = tokens[k - 1];
    if (next === undefined || before === undefined || !/^\s+$/u.test(text.slice(before.end, next.start)))
      return false;
    if (GENERIC_ORGANISATION.test(next.word)) return true;
  }
  return false;
}

/** The generic nouns that head a definite description of an organisation ("the Chinese vendor"). */
export function organisationDescriptionHeads(text: string, tokens: readonly Token[]): Set<Token> {
  const heads = new Set<Token>();
  tokens.forEach((token, k) => {
    if (!GENERIC_ORGANISATION.test(token.word)) return;
    for (let start = k; start >= Math.max(0, k - 2); start -= 1) {
      const first = tokens[start];
      if (first === undefined) return;
      if (/\b(?:the|this|that)\s+$/iu.test(text.slice(0, first.start))) {
        heads.add(token);
        return;
      }
      const previous = tokens[start - 1];
      if (previous === undefined || !/^[\s-]+$/u.test(text.slice(previous.end, first.start))) return;
    }
  });
  return heads;
}

/**
 * Quoted speech ("…", “…”): it speaks in another voice, so its pronouns and verbs ("they will talk to
 * us") say nothing of who speaks or what the passage points back at.
 */
export const QUOTED_SPEECH = /["“][^"”]*["”]/gu;
