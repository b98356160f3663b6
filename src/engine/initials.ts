/**
 * Initials of the names the passages write out ("Sydney Morning Herald" → SMH, "National
 * Intelligence Law" → NIL): askers shorten a long name they have read, so a capitalised question
 * word that spells the initials of exactly one such name means that name.
 */
import type { InvertedIndex } from './index-build.js';
import { fold, tokenize } from './tokenize.js';

/** Folded initials → the index terms of the one name they spell. */
export type NameInitials = ReadonlyMap<string, readonly number[]>;

/**
 * The initials, found on the first lookup: finding them tokenises every passage again, which only
 * a question with an unknown acronym needs, so building an engine does not pay for it.
 */
export function lazyNameInitials(index: InvertedIndex): Pick<NameInitials, 'get'> {
  let found: NameInitials | undefined;
  return { get: (key) => (found ??= nameInitials(index)).get(key) };
}

/** Names of at least this many words are shortened to their initials; two letters (VP, RZ) are too often a common acronym. */
const MIN_NAME_WORDS = 3;

export function nameInitials(index: InvertedIndex): NameInitials {
  const found = new Map<string, number[] | null>();
  for (const passage of index.passages) {
    const tokens = tokenize(passage.text).filter((token) => !token.joined);
    let run: typeof tokens = [];
    const close = (): void => {
      if (run.length >= MIN_NAME_WORDS) {
        const initials = run.map((token) => fold(token.surface).charAt(0)).join('');
        const terms = run.flatMap((token) => {
          const id = index.termIds.get(token.term);
          return id === undefined ? [] : [id];
        });
        const earlier = found.get(initials);
        // Two names with the same initials: the initials mean neither.
        if (earlier === undefined) found.set(initials, terms);
        else if (earlier !== null && earlier.join() !== terms.join()) found.set(initials, null);
      }
      run = [];
    };
    for (const [k, token] of tokens.entries()) {
      const previous = tokens[k - 1];
      const adjacent = previous !== undefined && /^\s+$/u.test(passage.text.slice(previous.end, token.start));
      if (!/^\p{Lu}\p{Ll}/u.test(token.surface) || (run.length > 0 && !adjacent)) close();
      if (/^\p{Lu}\p{Ll}/u.test(token.surface)) run.push(token);
    }
    close();
  }
  const initials = new Map<string, readonly number[]>();
  for (const [key, terms] of found)
    if (terms !== null && terms.length >= MIN_NAME_WORDS) initials.set(key, terms);
  return initials;
}
