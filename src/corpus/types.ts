/**
 * The data model shared by the loader (an I/O edge), the engine (pure) and the bot.
 * Everything here is plain data so the engine can be built from fixtures in tests.
 */

/** A searchable block of an article. The promo block is never a passage. */
export interface Passage {
  /** Stable id, unique across the corpus: `${articleId}#p${paragraph}` or `${articleId}#caption-${paragraph}`. */
  readonly id: string;
  readonly articleId: string;
  /** 'caption' passages are searchable but must be labelled as captions when shown. */
  readonly kind: 'paragraph' | 'caption';
  /** ¶N as a reader counts body paragraphs from 1; for a caption, the ¶ it follows (0 when before ¶1). */
  readonly paragraph: number;
  /** The section heading in force, when the passage comes after one. */
  readonly section?: string;
  /** Verbatim text, byte for byte as in the article file (no normalised quotes or dashes). */
  readonly text: string;
}

export interface Article {
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  readonly url?: string;
  readonly date?: string;
  readonly author?: string;
  /** Path of the file it came from, relative to the data folder, for citations in error messages. */
  readonly file: string;
  /** Paragraphs and captions in reading order. */
  readonly passages: readonly Passage[];
  /** Section headings in reading order. */
  readonly sections: readonly string[];
  /** Example questions the article answers, used for autocomplete suggestions (may be empty). */
  readonly questions: readonly string[];
}

/** General facts about the world and the article: a capital to its country, a role to a person, a word to its synonyms. */
export interface AliasTable {
  /** Each group lists terms that mean the same thing for retrieval, e.g. ["ban", "blacklist", "bans"]. */
  readonly groups: readonly (readonly string[])[];
  /** Regions by their names ("Asia", "Asian") and member countries (each a group's first name). */
  readonly regions?: readonly Region[];
}

export interface Region {
  readonly names: readonly string[];
  readonly members: readonly string[];
}

export interface Corpus {
  readonly articles: readonly Article[];
  readonly aliases: AliasTable;
}
