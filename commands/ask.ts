/** /ask question:<text> [private:<bool>]: the best verbatim excerpt with its citation. */
import { SlashCommandBuilder } from 'discord.js';
import { answerQuestion, morePassages, recordVote, shareAnswer } from '../src/bot/answers.js';
import type { AutocompleteRequest, ButtonRequest, CommandRequest } from '../src/bot/commands.js';
import type { BotContext } from '../src/bot/context.js';
import { LIMITS, MAX_QUESTION_CHARS } from '../src/bot/limits.js';
import { CUSTOM_ID_PREFIX, noticeReply, parseCustomId } from '../src/bot/reply.js';
import type { Choice, Reply } from '../src/bot/reply.js';

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
  return answerQuestion(ctx, question, {
    ephemeral: request.options.private === true,
    guildId: request.guildId,
  });
}

export function autocomplete(request: AutocompleteRequest, ctx: BotContext): Choice[] {
  return ctx.library.engine
    .suggest(request.focused.value, LIMITS.autocompleteChoices)
    .map((suggestion) => ({ name: suggestion, value: suggestion }));
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
