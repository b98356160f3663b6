/** /quote passage:<picked from autocomplete>: the whole passage verbatim with its citation. */
import { SlashCommandBuilder } from 'discord.js';
import type { AutocompleteRequest, CommandRequest } from '../src/bot/commands.js';
import type { BotContext } from '../src/bot/context.js';
import { LIMITS } from '../src/bot/limits.js';
import { passageChoice, quoteReply } from '../src/bot/answer-reply.js';
import { noticeReply } from '../src/bot/reply.js';
import type { Choice, Reply } from '../src/bot/reply.js';
import { findPassage, parsePassageRef, passagesByNumberPrefix } from '../src/bot/passage-ref.js';
import { STRINGS } from '../src/bot/strings.js';
import { collapseWhitespace, escapeMarkdown, trimText } from '../src/bot/text.js';

export const data = new SlashCommandBuilder()
  .setName('quote')
  .setDescription('Post a whole paragraph of the article verbatim, with its citation')
  .addStringOption((option) =>
    option
      .setName('passage')
      .setDescription('A paragraph number (12, ¶12, caption) or words from it; pick from the list')
      .setRequired(true)
      .setAutocomplete(true),
  );

export function execute(request: CommandRequest, ctx: BotContext): Reply {
  const typed = String(request.options.passage ?? '');
  const shown = () => trimText(escapeMarkdown(collapseWhitespace(typed)), 200);
  // Picked from the list: the value is a passage id. A number as citations print it ("¶12", "p12",
  // "caption"): that passage. Other text sent without picking: the best fuzzy match.
  const picked = ctx.passageById(typed);
  if (picked) return quoteReply(ctx.articleOf(picked), picked);
  const ref = parsePassageRef(typed);
  const { articles } = ctx.library.corpus;
  if (ref) {
    const numbered = articles.map((article) => findPassage(article, ref)).find((p) => p !== undefined);
    if (numbered) return quoteReply(ctx.articleOf(numbered), numbered);
    const main = articles[0];
    const count = (kind: 'paragraph' | 'caption') =>
      main?.passages.filter((p) => p.kind === kind).length ?? 0;
    return noticeReply(STRINGS.passageNumberNotFound(shown(), count('paragraph'), count('caption')));
  }
  const passage = ctx.library.engine.suggestPassages(typed, 1)[0];
  if (!passage) return noticeReply(STRINGS.passageNotFound(shown()));
  return quoteReply(ctx.articleOf(passage), passage);
}

export function autocomplete(request: AutocompleteRequest, ctx: BotContext): Choice[] {
  const typed = request.focused.value;
  // A number being typed lists the paragraphs it may become first, then passages whose words match.
  const numbered = ctx.library.corpus.articles.flatMap((article) => passagesByNumberPrefix(article, typed));
  const fuzzy = numbered.length ? [] : ctx.library.engine.suggestPassages(typed, LIMITS.autocompleteChoices);
  return [...numbered, ...fuzzy].slice(0, LIMITS.autocompleteChoices).map(passageChoice);
}
