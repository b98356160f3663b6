/** Assertions shared by unit and end-to-end tests: a reply payload within every Discord limit. */
import { expect } from 'vitest';
import { LIMITS } from '../../src/bot/limits.js';
import { embedLength } from '../../src/bot/reply.js';
import type { Reply } from '../../src/bot/reply.js';
import type { CallbackData, InteractionCallback } from '../fake-discord/server.js';

export function expectWithinLimits(reply: Reply): void {
  expect(reply.allowedMentions).toEqual({ parse: [] });
  expect((reply.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  expect(reply.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  let total = 0;
  for (const embed of reply.embeds) {
    expect((embed.title ?? '').length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect((embed.description ?? '').length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect((embed.footer?.text ?? '').length).toBeLessThanOrEqual(LIMITS.footerText);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    total += embedLength(embed);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  for (const row of reply.components) {
    for (const component of row.components) {
      if ('custom_id' in component) expect(component.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
    }
  }
}

/** "@everyone"/"@here" only appear defused (zero-width space after "@"), user mentions only escaped. */
export function expectNoLiveMentions(text: string): void {
  expect(text).not.toMatch(/@(everyone|here)/i);
  expect(text).not.toMatch(/(?<!\\)<@[!&]?\d+>/);
}

/** The body discord.js sent (as the fake Discord recorded it), checked against every Discord limit. */
export function expectCallbackWithinLimits(d: CallbackData): CallbackData {
  expectWithinLimits({
    ...(d.content === undefined ? {} : { content: d.content }),
    embeds: d.embeds ?? [],
    components: (d.components ?? []) as Reply['components'],
    allowedMentions: d.allowed_mentions as Reply['allowedMentions'],
  });
  return d;
}

const CHANNEL_MESSAGE = 4;

/** A type 4 reply (CHANNEL_MESSAGE) whose body is within every Discord limit; its data. */
export function expectWellFormedMessage(callback: InteractionCallback): CallbackData {
  expect(callback.body.type).toBe(CHANNEL_MESSAGE);
  return expectCallbackWithinLimits(callback.body.data!);
}
