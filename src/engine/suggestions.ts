/**
 * Autocomplete, "did you mean" topics and /quote passage suggestions (fuse.js: good at short strings
 * typed so far), and the topics offered with a refusal.
 */
import Fuse from 'fuse.js';
import type { Corpus, Passage } from '../corpus/types.js';
import { splitSentences } from './excerpt.js';
import type { ParsedQuery } from './query.js';
import { INVISIBLE, tokenize } from './tokenize.js';

/** Topics offered with a refusal. */
export const NO_MATCH_SUGGESTIONS = 3;
const MAX_SUGGESTION_CHARS = 100;
/** How many parts of the article the default topics are drawn from (one topic from each). */
const SPREAD_TOPICS = NO_MATCH_SUGGESTIONS;
const MAX_PLACED_TOPICS = 200;

/**
 * Autocomplete and "did you mean" topics: the article's example questions, section headings and
 * passage lead sentences, matched with fuse.js (good at short strings typed so far).
 */
export class SuggestionIndex {
  private readonly entries: string[];
  private readonly questions: string[];
  private readonly fuse: Fuse<string>;
  private readonly passages: Passage[];
  private passageFuse: Fuse<Passage> | undefined;
  private readonly entriesByTerm: Map<string, number[]>;
  private spread: string[] | undefined;

  constructor(
    corpus: Corpus,
    private readonly locate: (text: string) => number | undefined,
  ) {
    this.questions = corpus.articles
      .flatMap((a) => a.questions.map((q) => clip(q)))
      .filter((q) => q.length > 0);
    const headings = corpus.articles.flatMap((a) => a.sections.map((s) => clip(s)));
    this.passages = corpus.articles.flatMap((a) => [...a.passages]);
    // Lead sentences make large corpora searchable by topic; capped so suggestion stays fast.
    const leads = this.passages.slice(0, 5_000).map((p) => clip(leadSentence(p.text)));
    this.entries = unique([...this.questions, ...headings, ...leads].filter((e) => e.length > 0));
    this.fuse = new Fuse(this.entries, { includeScore: true, ignoreLocation: true, threshold: 0.4 });
    // Built with the engine, not on the first refusal: it tokenises up to 5,000 entries (tens of
    // milliseconds), which that one asker would otherwise wait for.
    this.entriesByTerm = this.indexEntries();
  }

  suggest(typed: string, limit: number): string[] {
    const count = Math.max(0, Math.min(limit, 25));
    const text = typeof typed === 'string' ? cleanForFuse(typed).slice(0, 64) : '';
    if (text.length === 0) return this.defaults(count);
    return this.fuse.search(text, { limit: count }).map((r) => r.item);
  }

  /**
   * Topics for a question that relates to nothing: example questions (else headings and lead
   * sentences) spread across the article, so the asker sees what it covers rather than its opening.
   */
  defaults(count: number): string[] {
    this.spread ??= this.spreadTopics();
    return this.spread.slice(0, count);
  }

  /**
   * The topics ordered so that any prefix spreads over the article: topics are placed by the passage
   * that answers them, and taken from the middle of equal parts (for 3: the middle of each third).
   */
  private spreadTopics(): string[] {
    const topics = this.questions.length > 0 ? this.questions : this.entries;
    // Headings and lead sentences come in reading order; only example questions need placing (a
    // search each, so only a bounded number of them).
    let placed: string[] = [...topics];
    if (this.questions.length > 0 && topics.length <= MAX_PLACED_TOPICS) {
      try {
        placed = topics
          .map((topic, order) => ({ topic, order, at: this.locate(topic) ?? Number.MAX_SAFE_INTEGER }))
          .sort((a, b) => a.at - b.at || a.order - b.order)
          .map((p) => p.topic);
      } catch {
        // Placement is a nicety: without it the topics keep their listed order.
      }
    }
    const picks = Math.min(SPREAD_TOPICS, placed.length);
    const spread: string[] = [];
    for (let k = 0; k < picks; k += 1) {
      const topic = placed[Math.floor(((k + 0.5) * placed.length) / picks)];
      if (topic !== undefined) spread.push(topic);
    }
    return unique([...spread, ...topics]);
  }

  /** Topics that share a content word with the question, else topics spread across the article. */
  related(query: ParsedQuery, count: number): string[] {
    const scores = new Map<number, number>();
    for (const c of query.concepts) {
      for (const word of c.words) {
        const term = tokenize(word)[0]?.term;
        for (const entry of term === undefined ? [] : (this.entriesByTerm.get(term) ?? [])) {
          scores.set(entry, (scores.get(entry) ?? 0) + c.mass);
        }
      }
    }
    const sharing = [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([entry]) => this.entries[entry])
      .filter((entry): entry is string => entry !== undefined);
    // A refusal's topics are offered as things to ask: when the article has example questions, a heading
    // or a lead sentence sharing a word answers nothing when picked, so only questions are offered.
    const askable = this.questions.length > 0 ? sharing.filter((e) => this.questions.includes(e)) : sharing;
    return unique([...askable.slice(0, count), ...this.defaults(count)]).slice(0, count);
  }

  private indexEntries(): Map<string, number[]> {
    const byTerm = new Map<string, number[]>();
    this.entries.forEach((entry, i) => {
      for (const token of tokenize(entry)) {
        const list = byTerm.get(token.term) ?? [];
        if (list[list.length - 1] !== i) list.push(i);
        byTerm.set(token.term, list);
      }
    });
    return byTerm;
  }

  passagesByText(typed: string, count: number): Passage[] {
    this.passageFuse ??= new Fuse(this.passages.slice(0, 5_000), {
      keys: ['text'],
      ignoreLocation: true,
      threshold: 0.4,
    });
    return this.passageFuse.search(cleanForFuse(typed).slice(0, 64), { limit: count }).map((r) => r.item);
  }
}

/** Fuse's extended-search operators are off by default, but quotes and bars are still noise here. */
function cleanForFuse(text: string): string {
  return text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}

function leadSentence(text: string): string {
  const first = splitSentences(text)[0];
  return first === undefined ? text : text.slice(first.start, first.end);
}

function clip(text: string, max = MAX_SUGGESTION_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  return `${flat.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
