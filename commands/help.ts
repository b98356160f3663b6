/** /help: how to ask. */
import { SlashCommandBuilder } from 'discord.js';
import { helpReply } from '../src/bot/answer-reply.js';
import type { Reply } from '../src/bot/reply.js';

export const data = new SlashCommandBuilder()
  .setName('help')
  .setDescription('How to ask me about the article');

/** Never rate limited: someone told to wait can still read how to ask. */
export const rateLimited = false;

export function execute(): Reply {
  return helpReply();
}
