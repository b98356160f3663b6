/** /summary: the article at a glance: every decision and the main arguments of each side, cited. */
import { SlashCommandBuilder } from 'discord.js';
import type { CommandRequest } from '../src/bot/commands.js';
import type { BotContext } from '../src/bot/context.js';
import type { Reply } from '../src/bot/reply.js';
import { summaryReply } from '../src/bot/summary.js';

export const data = new SlashCommandBuilder()
  .setName('summary')
  .setDescription('The article at a glance: who decided what and the main arguments, each quoted with its ¶')
  .addBooleanOption((option) =>
    option.setName('private').setDescription('Show the summary only to you (default: everyone sees it)'),
  );

export function execute(request: CommandRequest, ctx: BotContext): Reply {
  return summaryReply(ctx, { ephemeral: request.options.private === true });
}
