/** /sources: the indexed articles with publisher and passage counts. */
import { SlashCommandBuilder } from 'discord.js';
import type { CommandRequest } from '../src/bot/commands.js';
import type { BotContext } from '../src/bot/context.js';
import { sourcesReply } from '../src/bot/answer-reply.js';
import type { Reply } from '../src/bot/reply.js';

export const data = new SlashCommandBuilder()
  .setName('sources')
  .setDescription('List the articles I can answer from, with publisher and passage counts');

export function execute(_request: CommandRequest, ctx: BotContext): Reply {
  return sourcesReply(ctx.library.corpus.articles);
}
