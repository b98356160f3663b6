/**
 * How a question as people send it reaches the ranking: the chat message read from its question,
 * questions about the article itself answered from its file's records, and "when" and figure
 * questions kept to passages that say when or give a figure. Each is a named rule
 * (rules.ts); the wording analysis is in message.ts and intent.ts, passage signals in signals.ts.
 */
import type { Corpus } from '../corpus/types.js';
import type { InvertedIndex } from './index-build.js';
import {
  asksAboutArticle,
  asksForCalendarTime,
  asksForTime,
  asksHowTo,
  countedWords,
  figureAsked,
} from './intent.js';
import type { LexiconInfo } from './lexicon-info.js';
import { respellIdioms, respellQuestionWord, respellShorthand } from './chat-words.js';
import { extractQuestion } from './message.js';
import { addVariantTerms, nameKindAsked, namesSomethingNew, questionTerms } from './names.js';
import type { NameAsked } from './names.js';
import { parseQuery } from './query.js';
import type { ParsedQuery, QueryContext } from './query.js';
import type { Candidate } from './rerank.js';
import { conceptCover, massOf } from './rerank.js';
import { COVERAGE_WEIGHT } from './weights.js';
import type { RuleSwitches } from './rules.js';
import type { SentenceAnalysis } from './sentence-scores.js';
import { addressesReader, countsThing, hasCalendarTime, hasFigure, hasTimeExpression } from './signals.js';
import { askedSpeaker, speakerSpeaks, withSpokespeople } from './speakers.js';
import { STOPWORDS, stem } from './tokenize.js';
import { articleFactAnswer } from './strings.js';

/** A question about "the article" is answered from the files' records only when it can mean few. */
const MAX_ARTICLES_DESCRIBED = 3;

export interface ReadMessage {
  /** What the engine reads. */
  readonly question: string;
  /** `{ asked }` when that differs from the message, to spread into the result; else empty. */
  readonly asked: { readonly asked?: string };
  /** Each of a long message's questions on its own, to answer from when they are refused together. */
  readonly alternatives: readonly string[];
}

/** The question a chat message asks (rule chat-message), and what to report as read. */
export function readMessage(message: string, rules: RuleSwitches): ReadMessage {
  if (!rules.on('chat-message')) return { question: message, asked: {}, alternatives: [] };
  const read = extractQuestion(message);
  // Nothing left to show as read when the message was only chatter or a link.
  const shown = read.shortened && read.question.length > 0;
  const alternatives = rules.on('questions-apart') ? (read.alternatives ?? []) : [];
  const respelled = respellQuestionWord(read.question);
  const spelled = rules.on('chat-shorthand') ? respellShorthand(respelled) : respelled;
  const question = rules.on('idioms') ? respellIdioms(spelled) : spelled;
  return { question, asked: shown ? { asked: read.question } : {}, alternatives };
}

/**
 * The answer to a question about the article itself (who published it, its title…), from what the
 * article file records (rule article-metadata); undefined when the question is about something else.
 */
export function articleFacts(corpus: Corpus, question: string, rules: RuleSwitches): string | undefined {
  if (!rules.on('article-metadata')) return undefined;
  const { articles } = corpus;
  if (articles.length === 0 || articles.length > MAX_ARTICLES_DESCRIBED) return undefined;
  const field = asksAboutArticle(question);
  if (field === undefined) return undefined;
  return articles.map((article) => articleFactAnswer(article, field)).join(' ');
}

/**
 * For a "when" question, the candidates that say when (rule when-needs-time); undefined when the
 * question does not ask when. A passage on the subject that gives no time does not answer "when".
 */
export function timeAnswers(
  index: InvertedIndex,
  candidates: readonly Candidate[],
  question: string,
  rules: RuleSwitches,
): Candidate[] | undefined {
  if (!rules.on('when-needs-time') || !asksForTime(question)) return undefined;
  const unit = asksForCalendarTime(question);
  const says = unit === undefined ? hasTimeExpression : (text: string) => hasCalendarTime(text, unit);
  return candidates.filter((c) => saysWhen(index.passages[c.doc]?.text ?? '', c.analysis, says));
}

/**
 * A sentence about the thing asked (scoring at least this share of the passage's best sentence)
 * must say when: "Australian experts cite that as the reason for their ban in 2018" says when the ban
 * was, not when the law it follows was passed.
 */
const TIME_SENTENCE_SHARE = 0.5;

function saysWhen(
  text: string,
  analysis: SentenceAnalysis | undefined,
  says: (text: string) => boolean,
): boolean {
  if (analysis === undefined) return says(text);
  const best = Math.max(0, ...analysis.scores);
  return analysis.sentences.some(
    (span, k) =>
      (analysis.scores[k] ?? 0) >= TIME_SENTENCE_SHARE * best && says(text.slice(span.start, span.end)),
  );
}

/**
 * For a question asking how the asker can do something, the candidates that address the reader
 * (rule how-to-needs-instructions); undefined when the question asks for no instructions.
 */
export function instructionAnswers(
  index: InvertedIndex,
  candidates: readonly Candidate[],
  question: string,
  rules: RuleSwitches,
): Candidate[] | undefined {
  if (!rules.on('how-to-needs-instructions') || !asksHowTo(question)) return undefined;
  return candidates.filter((c) => addressesReader(index.passages[c.doc]?.text ?? ''));
}

/**
 * For a "which newspaper / what company" question, what it asks for and the candidates that name
 * something the question does not (rule which-needs-name); undefined when it asks for no name.
 */
export function nameAnswers(
  index: InvertedIndex,
  candidates: readonly Candidate[],
  question: string,
  parsed: ParsedQuery,
  lexicon: LexiconInfo | undefined,
  rules: RuleSwitches,
): { readonly wanted: NameAsked; readonly candidates: Candidate[] } | undefined {
  const wanted = rules.on('which-needs-name') ? nameKindAsked(question, lexicon) : undefined;
  if (wanted === undefined) return undefined;
  const asked = questionTerms(parsed, index, question);
  const naming = candidates.filter((c) =>
    namesSomethingNew(index.passages[c.doc]?.text ?? '', asked, wanted, lexicon),
  );
  return { wanted, candidates: naming };
}

/**
 * "Which countries are about to approve Huawei?": a passage that names countries (Malaysia and
 * Italy) answers the question without the word "countries"; its names cover the kind asked for
 * (rule answer-type-named). The candidates that name something of the kind get the share of
 * coverage the answer-type noun lacked there, and are ranked again. Applied after the refusal
 * checks: a name that only may be of the kind (Huawei for "which newspaper") must not make a
 * question the article does not answer look answered.
 */
export function coverAnswerType(index: InvertedIndex, parsed: ParsedQuery, naming: Candidate[]): void {
  const total = massOf(parsed.concepts);
  const kinds = parsed.concepts.filter((c) => c.answerType === true);
  if (total <= 0 || kinds.length === 0) return;
  for (const candidate of naming) {
    let gain = 0;
    for (const kind of kinds) gain += (kind.mass * (1 - conceptCover(index, kind, candidate.doc, 0))) / total;
    candidate.coverage += gain;
    candidate.final += COVERAGE_WEIGHT * gain;
  }
  naming.sort((a, b) => b.final - a.final || a.doc - b.doc);
}

/** The index terms of what a "how many" question counts, with every variant of those words. */
function countedTerms(question: string, parsed: ParsedQuery, index: InvertedIndex): Set<string> {
  const words = countedWords(question).filter((w) => !STOPWORDS.has(w));
  const counting = parsed.concepts.filter((concept) => concept.words.some((w) => words.includes(w)));
  return addVariantTerms(counting, index, new Set(words.map((w) => stem(w))));
}

/**
 * For a question asking for a figure, the candidates that give that kind of figure (rule
 * figure-needs-number); undefined when the question asks for none.
 */
export function figureAnswers(
  index: InvertedIndex,
  candidates: readonly Candidate[],
  question: string,
  parsed: ParsedQuery,
  rules: RuleSwitches,
): Candidate[] | undefined {
  const kind = rules.on('figure-needs-number') ? figureAsked(question) : undefined;
  if (kind === undefined) return undefined;
  // "How many countries": a count of countries (or of what the question's words for it stand for:
  // riders → boardings), not "thousands of words" in the same passage.
  const counted = kind === 'count' ? countedTerms(question, parsed, index) : undefined;
  return candidates.filter((c) => {
    const text = index.passages[c.doc]?.text ?? '';
    if (!hasFigure(text, kind)) return false;
    return counted === undefined || counted.size === 0 || countsThing(text, counted, stem);
  });
}

/**
 * For a question asking what someone said or how they responded (rule speaker-needs-speech), the
 * candidates whose passage reports that speaker saying something; undefined when it asks about no
 * speaker. A speaker the article never names speaks in no passage.
 */
export function speakerAnswers(
  index: InvertedIndex,
  candidates: readonly Candidate[],
  question: string,
  context: QueryContext,
): Candidate[] | undefined {
  if (!context.rules.on('speaker-needs-speech')) return undefined;
  const speaker = askedSpeaker(question);
  if (speaker === undefined) return undefined;
  const own = addVariantTerms(parseQuery(speaker, context).concepts, index, new Set<string>());
  // Those the passages on the subject introduce as speaking for the speaker speak for it too.
  const terms = withSpokespeople(
    candidates.map((c) => index.passages[c.doc]?.text ?? ''),
    own,
  );
  return candidates.filter((c) => {
    const previous = index.previousDoc[c.doc] ?? -1;
    return speakerSpeaks(
      index.passages[c.doc]?.text ?? '',
      previous >= 0 ? index.passages[previous]?.text : undefined,
      terms,
      context.lexicon,
    );
  });
}
