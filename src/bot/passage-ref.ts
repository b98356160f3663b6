/**
 * Passages named by number, the way the bot's own citations print them: "12", "¶12", "p12", "para 12",
 * "paragraph 12", and "caption" (the first caption; "caption 2" for a later one). Pure.
 */
import type { Article, Passage } from '../corpus/types.js';

export type PassageRef =
  | { readonly kind: 'paragraph'; readonly paragraph: number }
  | { readonly kind: 'caption'; readonly index: number }
  /** "caption after ¶3", as the citations print it. */
  | { readonly kind: 'caption-after'; readonly paragraph: number };

const PARAGRAPH_REF = /^(?:¶|§|#|p\.?|para\.?|paragraph|par\.?)?\s*(\d{1,4})\.?$/i;
const CAPTION_REF = /^(?:the\s+)?(?:photo\s+)?caption(?:\s*#?\s*(\d{1,3}))?$/i;
const CAPTION_AFTER_REF = /^caption\s+(after|before)\s+¶?\s*(\d{1,4})$/i;

/** What the typed text names, or undefined when it is words to search for instead. */
export function parsePassageRef(typed: string): PassageRef | undefined {
  const text = typed.trim();
  const paragraph = PARAGRAPH_REF.exec(text);
  if (paragraph?.[1]) return { kind: 'paragraph', paragraph: Number(paragraph[1]) };
  const after = CAPTION_AFTER_REF.exec(text);
  if (after?.[1] && after[2]) {
    // "caption before ¶1" is the label of a caption at the very top, which follows "¶0".
    const paragraph = after[1].toLowerCase() === 'before' ? Number(after[2]) - 1 : Number(after[2]);
    return { kind: 'caption-after', paragraph };
  }
  const caption = CAPTION_REF.exec(text);
  if (caption) return { kind: 'caption', index: caption[1] ? Number(caption[1]) : 1 };
  return undefined;
}

/** The passage a reference names in `article`, or undefined when the article has no such passage. */
export function findPassage(article: Article, ref: PassageRef): Passage | undefined {
  if (ref.kind === 'paragraph') {
    return article.passages.find((p) => p.kind === 'paragraph' && p.paragraph === ref.paragraph);
  }
  if (ref.kind === 'caption-after') {
    return article.passages.find((p) => p.kind === 'caption' && p.paragraph === ref.paragraph);
  }
  return article.passages.filter((p) => p.kind === 'caption')[ref.index - 1];
}

/**
 * While a number is being typed ("1"), the paragraphs it may become, in order (¶1, ¶10 … ¶19); a
 * complete reference to an existing passage comes first.
 */
export function passagesByNumberPrefix(article: Article, typed: string): Passage[] {
  const ref = parsePassageRef(typed);
  if (!ref) return [];
  if (ref.kind !== 'paragraph') {
    const exact = findPassage(article, ref);
    const captions = article.passages.filter((p) => p.kind === 'caption');
    return exact ? [exact, ...captions.filter((p) => p !== exact)] : captions;
  }
  const digits = String(ref.paragraph);
  return article.passages.filter((p) => p.kind === 'paragraph' && String(p.paragraph).startsWith(digits));
}
