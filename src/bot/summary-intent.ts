/**
 * Is a question a request for the whole article at a glance ("summarize the article", "tl;dr", "give me
 * an overview", "what's this article about")? Then /ask shows /summary instead of searching passages: no
 * passage answers it, and a search would quote whichever sentence happens to say "article".
 *
 * The rule: the question has a summary cue and every other word only points at the article or is
 * politeness. So "summarize Italy's decision" or "what is the article's view of Huawei" are not summary
 * requests: they name something the article can be searched for.
 */

/** Words that ask for a digest by themselves. */
const CUES = new Set([
  'summary',
  'summaries',
  'summarize',
  'summarise',
  'summarized',
  'summarised',
  'summarizing',
  'summarising',
  'tldr',
  'tl',
  'dr',
  'overview',
  'gist',
  'recap',
  'rundown',
  'synopsis',
  'digest',
  'nutshell',
  'outline',
]);

/** Nouns that mean the article itself. */
const ARTICLE = new Set(['article', 'story', 'piece', 'text', 'post', 'news', 'report', 'it', 'this']);

/** Words that carry no topic: requests, pronouns, articles, "main points", "about". */
const FILLER = new Set(
  (
    'a an the of on for in to me us i we you u please pls plz can could would will give get show tell ' +
    'provide want need do does quick short brief briefly whole entire overall main key points point ' +
    'what whats is s about so just sum up hey hi ok okay and its that'
  ).split(' '),
);

export function isSummaryRequest(question: string): boolean {
  const words = question
    .toLowerCase()
    .replace(/tl\s*;\s*dr/g, 'tldr')
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return false;
  if (!words.every((word) => CUES.has(word) || ARTICLE.has(word) || FILLER.has(word))) return false;
  const has = (set: ReadonlySet<string>) => words.some((word) => set.has(word));
  // "sum up", "main points", or "what's it about" / "tell me about the article": a digest without a cue word.
  const sumUp = words.some((word, i) => word === 'sum' && words[i + 1] === 'up');
  const aboutTheArticle = words.includes('about') && has(ARTICLE);
  const mainPoints = words.includes('points') && (words.includes('main') || words.includes('key'));
  return has(CUES) || sumUp || aboutTheArticle || mainPoints;
}
