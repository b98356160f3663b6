/** /ask question:<text> [private:<bool>]: the best verbatim excerpt with its citation. */
import { SlashCommandBuilder } from 'discord.js';
import { answerQuestion, morePassages, recordVote, shareAnswer } from '../src/bot/answers.js';
import { suggestQuestions } from '../src/bot/autocomplete.js';
import type { AutocompleteRequest, ButtonRequest, CommandRequest } from '../src/bot/commands.js';
import type { BotContext } from '../src/bot/context.js';
import { LIMITS, MAX_QUESTION_CHARS } from '../src/bot/limits.js';
import { CUSTOM_ID_PREFIX, parseCustomId } from '../src/bot/custom-ids.js';
import { noticeReply } from '../src/bot/reply.js';
import type { Choice, Reply } from '../src/bot/reply.js';
import { SUMMARY_STRINGS } from '../src/bot/strings.js';
import { isSummaryRequest } from '../src/bot/summary-intent.js';
import { summaryReply } from '../src/bot/summary.js';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about the article; the answer quotes it verbatim, with a citation')
  .addStringOption((option) =>
    option
      .setName('question')
      .setDescription('What do you want to know? e.g. Why did Australia ban Huawei?')
      .setRequired(true)
      // Discord enforces the cap as people type; pasted text via the context menu gets the notice instead.
      .setMaxLength(MAX_QUESTION_CHARS)
      .setAutocomplete(true),
  )
  .addBooleanOption((option) =>
    option.setName('private').setDescription('Show the answer only to you (default: everyone sees it)'),
  );

export function execute(request: CommandRequest, ctx: BotContext): Promise<Reply> {
  const question = String(request.options.question ?? '');
  const ephemeral = request.options.private === true;
  // No passage answers "summarize the article": show what /summary shows, and say so.
  if (isSummaryRequest(question))
    return Promise.resolve(summaryReply(ctx, { ephemeral, note: SUMMARY_STRINGS.askedForSummary }));
  return answerQuestion(ctx, question, { ephemeral, guildId: request.guildId });
}

/** Questions, never sentences: what was typed (when a question), then questions the article answers. */
export function autocomplete(request: AutocompleteRequest, ctx: BotContext): Choice[] {
  return suggestQuestions(ctx.library, request.focused.value, LIMITS.autocompleteChoices).map((question) => ({
    name: question,
    value: question,
  }));
}

export const customIdPrefix = CUSTOM_ID_PREFIX;

export function button(request: ButtonRequest, ctx: BotContext): Reply | Promise<Reply> {
  const action = parseCustomId(request.customId);
  if (!action) return noticeReply(`Unknown button: ${request.customId.slice(0, 50)}`);
  if (action.kind === 'vote') return recordVote(ctx, action.key, action.helpful, request);
  return action.kind === 'more'
    ? morePassages(ctx, action.key, action.offset, request.messageTitle)
    : shareAnswer(ctx, action.key, request.messageTitle);
}
