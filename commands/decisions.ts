/**
 * /decisions [country:<autocomplete>]: who decided what about the vendor's gear, from the facts layer.
 * Without a country: every decision grouped by status; with one: that country's decisions, conditions and
 * reasons. Each with its verbatim quote and ¶.
 */
import { SlashCommandBuilder } from 'discord.js';
import { citeFact } from '../src/bot/answers.js';
import type { AutocompleteRequest, ButtonRequest, CommandRequest } from '../src/bot/commands.js';
import type { BotContext } from '../src/bot/context.js';
import { withDecisionsMap } from '../src/bot/decisions-map.js';
import { LIMITS } from '../src/bot/limits.js';
import { STRINGS } from '../src/bot/strings.js';
import { DECISIONS_PREFIX, parsePageCustomId } from '../src/bot/custom-ids.js';
import {
  countryChoice,
  countryDecisionsReply,
  decisionsReply,
  unknownCountryReply,
} from '../src/bot/fact-reply.js';
import { noticeReply } from '../src/bot/reply.js';
import type { Choice, Reply } from '../src/bot/reply.js';
import type { Argument } from '../src/facts/types.js';
import { countryChoices, lookupCountry } from '../src/facts/countries.js';
import { decisionsByStatus, decisionsForCountry } from '../src/facts/group.js';

export const data = new SlashCommandBuilder()
  .setName('decisions')
  .setDescription('Who decided what about Huawei’s 5G gear, by status, each with its verbatim quote and ¶')
  .addStringOption((option) =>
    option
      .setName('country')
      .setDescription('One country: its decision, conditions and reasons (e.g. Italy, or Rome)')
      .setAutocomplete(true),
  );

export function execute(request: CommandRequest, ctx: BotContext): Reply {
  const { facts, corpus } = ctx.library;
  const typed = String(request.options.country ?? '').trim();
  if (!typed) {
    const reply = decisionsReply(
      decisionsByStatus(facts).map(({ status, decisions }) => ({
        status,
        decisions: decisions.map((decision) => citeFact(ctx, decision)),
      })),
    );
    return withDecisionsMap(reply, ctx.library, ctx.log);
  }
  const lookup = lookupCountry(typed, facts, corpus.aliases);
  if (lookup.kind === 'not-reported') return unknownCountryReply(typed, lookup.reported);
  const decisions = decisionsForCountry(facts, lookup.country);
  const argumentsById = new Map(facts.arguments.map((argument) => [argument.id, argument]));
  return countryDecisionsReply(
    decisions.map((decision) => ({
      decision: citeFact(ctx, decision),
      reasons: decision.reasons
        .map((id) => argumentsById.get(id))
        .filter((argument): argument is Argument => argument !== undefined)
        .map((argument) => citeFact(ctx, argument)),
    })),
  );
}

/** Previous / Next on the listing without a country: the page is in the customId. */
export const customIdPrefix = DECISIONS_PREFIX;
export const buttonUpdatesMessage = true;

export function button(request: ButtonRequest, ctx: BotContext): Reply {
  const target = parsePageCustomId(request.customId);
  if (!target) return noticeReply(STRINGS.unknownCommand(request.customId.slice(0, 50)));
  return decisionsReply(
    decisionsByStatus(ctx.library.facts).map(({ status, decisions }) => ({
      status,
      decisions: decisions.map((decision) => citeFact(ctx, decision)),
    })),
    { page: target.page },
  );
}

export function autocomplete(request: AutocompleteRequest, ctx: BotContext): Choice[] {
  const { facts, corpus } = ctx.library;
  return countryChoices(request.focused.value, facts, corpus.aliases, LIMITS.autocompleteChoices).map(
    (country) => countryChoice(country, decisionsForCountry(facts, country)),
  );
}
