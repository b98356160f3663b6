/**
 * Abstention: whether the engine refuses a question although passages matched some of its words.
 * The evidence (which words are absent names or absent things) is gathered while reading the
 * question (query.ts); here it is weighed, each test a named rule (rules.ts).
 */
import type { Concept, ParsedQuery } from './query.js';
import { massOf } from './rerank.js';
import type { RuleSwitches } from './rules.js';

/**
 * A topic word the best passage has (or a form or alias of it) rather than only a synonym, a
 * neighbour or a word of the passage before: "what did Reuters say about Malaysia" is answered by a
 * passage in which Reuters speaks of Malaysia.
 */
const TOPIC_MIN_COVER = 0.5;

/**
 * Why the engine refuses, or undefined when the best passage may answer. `coverOfBest` says how
 * well the best passage covers one concept of the question (0–1).
 */
export function abstain(
  parsed: ParsedQuery,
  bestCoverage: number,
  minCoverage: number,
  rules: RuleSwitches,
  coverOfBest: (concept: Concept) => number = () => 1,
): 'min-coverage' | 'absent-name' | 'absent-thing' | undefined {
  // The best passage covers too little of what the question weighs.
  if (rules.on('min-coverage') && bestCoverage < minCoverage) return 'min-coverage';
  // A question naming someone or something the corpus never mentions is not answered by it.
  if (rules.on('absent-name') && parsed.concepts.some((c) => c.absentName === true)) return 'absent-name';
  // So is a compound noun it uses that the article never has (prime minister, stock exchange).
  if (rules.on('absent-compound') && parsed.concepts.some((c) => c.absentCompound === true))
    return 'absent-thing';
  // The first thing a question names is usually what it asks about ("the population of Port Ellery").
  // An adjective before it ("best pizza in Rome") describes that thing rather than being it.
  const first = parsed.concepts.find((c) => c.modifier !== true) ?? parsed.concepts[0];
  if (rules.on('absent-thing') && first?.absentThing === true) return 'absent-thing';
  // So is the thing it says it is about ("what did Peng say about Huawei's revenue"), unless the
  // best passage speaks of more of that topic than the article lacks ("about licensing its 5G
  // technology": licensing and 5G are there, "technology" is a paraphrase of the passage's "tech").
  const topic = parsed.topic === undefined ? [] : parsed.concepts.slice(parsed.topic, parsed.topicEnd);
  const absentTopic = topic.filter((c) => c.absentThing === true);
  const metTopic = topic.filter((c) => c.absentThing !== true && coverOfBest(c) >= TOPIC_MIN_COVER);
  if (rules.on('about-topic') && absentTopic.length > 0 && massOf(absentTopic) >= massOf(metTopic))
    return 'absent-thing';
  // And the best passage must speak of it: Reuters on Italy does not say what Reuters said about Malaysia.
  if (rules.on('about-topic') && topic.length > 0 && topic.every((c) => coverOfBest(c) < TOPIC_MIN_COVER))
    return 'absent-thing';
  return undefined;
}
