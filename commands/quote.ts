/** /quote passage:<picked from autocomplete>: the whole passage verbatim with its citation. */
import { SlashCommandBuilder } from 'discord.js';
import type { AutocompleteRequest, CommandRequest } from '../src/bot/commands.js';
import type { BotContext } from '../src/bot/context.js';
import { LIMITS } from '../src/bot/limits.js';
import { noticeReply, passageChoice, quoteReply } from '../src/bot/reply.js';
import type { Choice, Reply } from '../src/bot/reply.js';
import { STRINGS } from '../src/bot/strings.js';
import { collapseWhitespace, escapeMarkdown, trimText } from '../src/bot/text.js';

export const data = new SlashCommandBuilder()
  .setName('quote')
  .setDescription('Post a whole paragraph of the article verbatim, with its citation')
  .addStringOption((option) =>
    option
      .setName('passage')
      .setDescription('Start typing words from the paragraph, then pick it from the list')
      .setRequired(true)
      .setAutocomplete(true),
  );

export function execute(request: CommandRequest, ctx: BotContext): Reply {
  const typed = String(request.options.passage ?? '');
  // Picked from the list: the value is a passage id. Typed and sent without picking: best fuzzy match.
  const passage = ctx.passageById(typed) ?? ctx.library.engine.suggestPassages(typed, 1)[0];
  if (!passage)
    return noticeReply(STRINGS.passageNotFound(trimText(escapeMarkdown(collapseWhitespace(typed)), 200)));
  return quoteReply(ctx.articleOf(passage), passage);
}

export function autocomplete(request: AutocompleteRequest, ctx: BotContext): Choice[] {
  return ctx.library.engine
    .suggestPassages(request.focused.value, LIMITS.autocompleteChoices)
    .map(passageChoice);
}
