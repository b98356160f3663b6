/**
 * Discord's hard limits on what a message, embed and autocomplete answer may hold. Exceeding any of them
 * makes Discord reject the whole reply with a 400, so the reply helper trims to these numbers.
 * Source: https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer text and author name over all embeds. */
  embedTotal: 6000,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** How long Discord waits for the first response to an interaction before showing "did not respond". */
export const FIRST_RESPONSE_DEADLINE_MS = 3000;

/**
 * Longest question /ask takes as people type (Discord enforces it in the client): a question is a sentence
 * or two, and the cap keeps the title of the answer readable.
 */
export const MAX_QUESTION_CHARS = 300;

/**
 * Most characters of a message handed to the engine: Discord's own message maximum (4000 with Nitro), so a
 * chat message is never refused for its length. The engine reads a long message from its question and says
 * so (SearchResult.asked); text pasted into console mode beyond this is cut, not refused.
 */
export const MAX_MESSAGE_CHARS = 4000;

/** What the bot itself chooses to show (not Discord limits). */
export const DISPLAY = {
  /** Passages listed under "See also" below the main excerpt. */
  seeAlso: 2,
  /** Passages per "More passages" page. */
  morePerPage: 3,
  /** How many results one search asks the engine for; later pages come from the cache. */
  searchLimit: 12,
  /** Closest topics offered when the article does not cover a question. */
  noMatchSuggestions: 5,
  /** Recent answers kept so buttons can page through them without searching again. */
  answerCacheSize: 500,
  /** Characters of a passage shown in a /quote autocomplete choice (after the "¶9 " label). */
  quoteChoicePreview: 90,
} as const;
