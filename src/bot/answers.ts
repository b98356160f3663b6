/**
 * The question → reply flow shared by /ask, the "Ask the article" context menu and the answer buttons:
 * answer once with src/answer.ts (the same composition as the CLI: leading facts, then passages), remember
 * the answer under a short key the buttons carry, and render via the reply helper.
 */
import { createHash } from 'node:crypto';
import { answerQuestion as composeAnswer } from '../answer.js';
import type { SearchResult } from '../engine/types.js';
import type { Fact } from '../facts/types.js';
import type { BotContext, CachedAnswer } from './context.js';
import { DISPLAY, LIMITS, MAX_MESSAGE_CHARS } from './limits.js';
import { answerReply, morePassagesReply, noMatchReply } from './answer-reply.js';
import type { CitedHit, MessageReference } from './answer-reply.js';
import type { CitedFact } from './fact-quotes.js';
import { noticeReply } from './reply.js';
import type { Reply } from './reply.js';
import { STRINGS } from './strings.js';
import { ELLIPSIS, collapseWhitespace, toPlainText } from './text.js';

/** 12 base64url characters (72 bits) of the question's hash: short enough for a customId, unique enough. */
export function answerKey(question: string): string {
  return createHash('sha256').update(question).digest('base64url').slice(0, 12);
}

/**
 * The question as the engine gets it: compatibility forms folded (NFKC, so full-width "ｈｕａｗｅｉ" is
 * "huawei"), invisible format characters removed (zero-width spaces and joiners, soft hyphens, bidi marks
 * that would otherwise split words or reorder the title), Discord mention/emoji/timestamp tags, control
 * characters and whitespace runs as one space. Length is not cut here: answerQuestion caps it at
 * MAX_MESSAGE_CHARS.
 */
export function normaliseQuestion(raw: string): string {
  return collapseWhitespace(
    raw
      .normalize('NFKC')
      .replace(/\p{Cf}/gu, '')
      .replace(/\p{Cc}/gu, ' ')
      .replace(DISCORD_TAGS, ' '),
  );
}

/**
 * Discord's own markup for a user, role or channel mention, a custom emoji or a timestamp
 * ("<@123…>", "<@&123…>", "<#123…>", "<:name:123…>", "<t:1700000000:R>"): ids, not words of the question,
 * and the engine would count their digits as words the article does not contain.
 */
const DISCORD_TAGS = /<(?:@[!&]?|#)\d{17,20}>|<a?:\w{2,32}:\d{17,20}>|<t:-?\d{1,13}(?::[tTdDfFR])?>/g;

/** What the engine read, when not the message as sent, and why it found nothing, when it says. */
function readAs(result: SearchResult): { asked?: string; reason?: string } {
  return {
    ...(result.asked !== undefined && result.asked !== result.query ? { asked: result.asked } : {}),
    ...(result.kind === 'no-match' && result.reason ? { reason: result.reason } : {}),
  };
}

/** At most `max` characters, cut at a word boundary and never inside a surrogate pair. */
function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut.replace(/[\uD800-\uDBFF]$/, '')).trimEnd();
}

function search(ctx: BotContext, question: string): CachedAnswer & { key: string } {
  const key = answerKey(question);
  const cached = ctx.answers.get(key);
  if (cached && cached.question === question) return { ...cached, key };
  const entry = { question, answer: composeAnswer(ctx.library, question, { limit: DISPLAY.searchLimit }) };
  ctx.answers.set(key, entry);
  return { ...entry, key };
}

function citedHits(ctx: BotContext, cached: CachedAnswer): CitedHit[] {
  const { search: result } = cached.answer;
  if (result.kind !== 'answer') return [];
  return result.results.map((hit) => ({ hit, article: ctx.articleOf(hit.passage) }));
}

function citedFacts(ctx: BotContext, cached: CachedAnswer): CitedFact[] {
  return cached.answer.facts.map((match) => citeFact(ctx, match.fact));
}

/** A fact with the paragraph its ¶ cites (for the citation and link), shared with /decisions and /arguments. */
export function citeFact<F extends Fact>(ctx: BotContext, fact: F): CitedFact<F> {
  const source = ctx.paragraphOf(fact.articleId, fact.paragraph);
  return source ? { fact, source } : { fact };
}

/** Ids of the passages an answer shows (the best one and its "See also"): what a vote on it judges. */
function shownPassages(ctx: BotContext, cached: CachedAnswer): string[] {
  return citedHits(ctx, cached)
    .slice(0, 1 + DISPLAY.seeAlso)
    .map(({ hit }) => hit.passage.id);
}

export async function answerQuestion(
  ctx: BotContext,
  rawQuestion: string,
  options: { ephemeral: boolean; reference?: MessageReference; guildId?: string | undefined },
): Promise<Reply> {
  // Never refused for its length: the engine reads a long message from its question (result.asked).
  const question = capLength(normaliseQuestion(rawQuestion), MAX_MESSAGE_CHARS);
  if (!question) return noticeReply(STRINGS.emptyQuestion);
  const answer = search(ctx, question);
  const result = answer.answer.search;
  if (result.kind === 'no-match') {
    // Recorded before the reply goes out, so a refusal the user saw is never lost.
    await ctx.feedback?.refused(question, options.guildId);
    return noMatchReply(question, result.suggestions, readAs(result));
  }
  // Any replica must be able to tell what a vote on this answer is about.
  await ctx.feedback?.answered(answer.key, { question, passages: shownPassages(ctx, answer) });
  return answerReply({
    question,
    ...readAs(result),
    hits: citedHits(ctx, answer),
    facts: citedFacts(ctx, answer),
    key: answer.key,
    ephemeral: options.ephemeral,
    ...(options.reference ? { reference: options.reference } : {}),
  });
}

/**
 * Find the answer a button refers to: from the cache, or, after eviction or a restart, by searching again
 * for the question shown in the clicked message's embed title (unless that title was shortened).
 */
function recall(
  ctx: BotContext,
  key: string,
  messageTitle: string | undefined,
): (CachedAnswer & { key: string }) | undefined {
  const cached = ctx.answers.get(key);
  if (cached) return { ...cached, key };
  if (!messageTitle || (messageTitle.endsWith(ELLIPSIS) && messageTitle.length >= LIMITS.embedTitle - 4)) {
    return undefined;
  }
  return search(ctx, normaliseQuestion(toPlainText(messageTitle)));
}

export function morePassages(
  ctx: BotContext,
  key: string,
  offset: number,
  messageTitle: string | undefined,
): Reply {
  const answer = recall(ctx, key, messageTitle);
  if (!answer) return noticeReply(STRINGS.answerExpired);
  return morePassagesReply({
    question: answer.question,
    hits: citedHits(ctx, answer),
    key: answer.key,
    offset,
  });
}

/**
 * A 👍/👎 click: recorded under the question and the passages the answer cited, one vote per user per
 * message (a second click replaces the first), answered privately.
 */
export async function recordVote(
  ctx: BotContext,
  key: string,
  helpful: boolean,
  request: {
    readonly userId: string;
    readonly messageId?: string | undefined;
    readonly guildId?: string | undefined;
    readonly messageTitle: string | undefined;
  },
): Promise<Reply> {
  if (!ctx.feedback) return noticeReply(STRINGS.voteNotStored);
  const local = ctx.answers.get(key);
  const stored = local
    ? { question: local.question, passages: shownPassages(ctx, local) }
    : ((await ctx.feedback.recall(key)) ??
      (() => {
        const found = recall(ctx, key, request.messageTitle);
        return found && { question: found.question, passages: shownPassages(ctx, found) };
      })());
  if (!stored) return noticeReply(STRINGS.answerExpired);
  const outcome = await ctx.feedback.vote({
    // Without a message (console), the answer itself is what the vote is about.
    messageId: request.messageId ?? `answer:${key}`,
    answerKey: key,
    question: stored.question,
    passages: stored.passages,
    helpful,
    guildId: request.guildId,
    userId: request.userId,
  });
  return noticeReply(STRINGS.voteThanks(helpful, outcome === 'replaced'));
}

/** "Share": the same answer, posted publicly. */
export function shareAnswer(ctx: BotContext, key: string, messageTitle: string | undefined): Reply {
  const answer = recall(ctx, key, messageTitle);
  if (!answer) return noticeReply(STRINGS.answerExpired);
  const result = answer.answer.search;
  if (result.kind === 'no-match') return noMatchReply(answer.question, result.suggestions, readAs(result));
  return answerReply({
    question: answer.question,
    ...readAs(result),
    hits: citedHits(ctx, answer),
    facts: citedFacts(ctx, answer),
    key: answer.key,
    ephemeral: false,
  });
}
