/**
 * /arguments [side:<choice>]: the arguments the article reports, for and against the vendor's access and
 * those describing a position, each with its speaker, a one-line summary, the verbatim quote and ¶.
 */
import { SlashCommandBuilder } from 'discord.js';
import { citeFact } from '../src/bot/answers.js';
import type { ButtonRequest, CommandRequest } from '../src/bot/commands.js';
import type { BotContext } from '../src/bot/context.js';
import { ARGUMENTS_PREFIX, parsePageCustomId } from '../src/bot/custom-ids.js';
import { argumentsReply } from '../src/bot/fact-reply.js';
import { noticeReply } from '../src/bot/reply.js';
import type { Reply } from '../src/bot/reply.js';
import { STRINGS } from '../src/bot/strings.js';
import { collapseWhitespace, escapeMarkdown, trimText } from '../src/bot/text.js';
import { argumentsBySide } from '../src/facts/group.js';
import { ARGUMENT_SIDES, SIDE_LABELS } from '../src/facts/types.js';
import type { ArgumentSide } from '../src/facts/types.js';

export const data = new SlashCommandBuilder()
  .setName('arguments')
  .setDescription('The arguments for and against Huawei’s access, with speaker, summary, quote and ¶')
  .addStringOption((option) =>
    option
      .setName('side')
      .setDescription('Only one side')
      .addChoices(...ARGUMENT_SIDES.map((side) => ({ name: SIDE_LABELS[side], value: side }))),
  );

/**
 * Discord only sends a listed value; console mode passes what was typed, so a label ("Against Huawei's
 * access") or a single word of one value ("against") is accepted too.
 */
export function resolveSide(typed: string): ArgumentSide | undefined {
  const wanted = collapseWhitespace(typed).toLowerCase();
  const exact = ARGUMENT_SIDES.find((side) => side === wanted || SIDE_LABELS[side].toLowerCase() === wanted);
  if (exact) return exact;
  const partial = ARGUMENT_SIDES.filter((side) => wanted !== '' && side.split('-').includes(wanted));
  return partial.length === 1 ? partial[0] : undefined;
}

export function execute(request: CommandRequest, ctx: BotContext): Reply {
  const typed = String(request.options.side ?? '').trim();
  const side = typed ? resolveSide(typed) : undefined;
  if (typed && !side) {
    const shown = trimText(escapeMarkdown(collapseWhitespace(typed)), 100);
    return noticeReply(STRINGS.unknownSide(shown, sideLabels()));
  }
  return listArguments(ctx, side, 0);
}

/** Previous / Next: the page and side are in the customId, so any process renders the same page. */
export const customIdPrefix = ARGUMENTS_PREFIX;
export const buttonUpdatesMessage = true;

export function button(request: ButtonRequest, ctx: BotContext): Reply {
  const target = parsePageCustomId(request.customId);
  if (!target) return noticeReply(STRINGS.unknownCommand(request.customId.slice(0, 50)));
  return listArguments(ctx, target.side, target.page);
}

/** The labels Discord shows for the side option, as every hint and error names them. */
const sideLabels = () => ARGUMENT_SIDES.map((side) => SIDE_LABELS[side]);

function listArguments(ctx: BotContext, side: ArgumentSide | undefined, page: number): Reply {
  const groups = argumentsBySide(ctx.library.facts, side).map((group) => ({
    side: group.side,
    arguments: group.arguments.map((argument) => citeFact(ctx, argument)),
  }));
  if (side && groups.every((group) => group.arguments.length === 0)) {
    return noticeReply(STRINGS.noArguments(SIDE_LABELS[side]));
  }
  // Narrowing helps only when all sides were asked for.
  const narrowHint = side ? undefined : STRINGS.argumentsNarrowHint(sideLabels().join(', '));
  return argumentsReply(groups, {
    page,
    ...(side ? { side } : {}),
    ...(narrowHint === undefined ? {} : { narrowHint }),
  });
}
