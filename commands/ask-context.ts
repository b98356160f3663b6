/** Message context menu "Ask the article": answers the selected message's text, linking back to it. */
import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js';
import { answerQuestion } from '../src/bot/answers.js';
import type { CommandRequest } from '../src/bot/commands.js';
import type { BotContext } from '../src/bot/context.js';
import { noticeReply } from '../src/bot/reply.js';
import type { Reply } from '../src/bot/reply.js';
import { STRINGS } from '../src/bot/strings.js';

export const data = new ContextMenuCommandBuilder()
  .setName('Ask the article')
  .setType(ApplicationCommandType.Message);

export async function execute(request: CommandRequest, ctx: BotContext): Promise<Reply> {
  const target = request.target;
  if (!target || !target.content.trim()) return noticeReply(STRINGS.emptyMessage);
  return answerQuestion(ctx, target.content, {
    ephemeral: false,
    reference: { url: target.url },
    guildId: request.guildId,
  });
}
