/**
 * The gateway bot (real discord.js client against the fake Discord) records into the same store as
 * `npm run serve`: a 👍/👎 click is answered privately and stored under the question and cited passages,
 * the same user's second click on the same message replaces the first, and a refused question is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedback } from '../../src/store/feedback.js';
import { openStore } from '../../src/store/store.js';
import type { Store } from '../../src/store/store.js';
import type { CallbackData } from '../fake-discord/server.js';
import { EPHEMERAL, botMessage, buttonClick, slashCommand } from '../fake-discord/interactions.js';
import { tempStoreDir } from '../store/backends.js';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
let store: Store;
beforeAll(async () => {
  store = await openStore({ databaseUrl: undefined, storeDir: tempStoreDir(), feedbackSalt: undefined });
  h = await startHarness({ feedback: createFeedback(store) });
}, 60_000);
afterAll(async () => {
  await h?.stop();
  await store?.close();
});

const user = { id: '120000000000077001' };
const ids = (d: CallbackData) =>
  (d.components ?? []).flatMap((row) =>
    (row.components as { custom_id?: string }[]).map((c) => c.custom_id ?? ''),
  );

describe('feedback through the gateway', () => {
  it('records a vote privately, the second click by the same user replacing the first', async () => {
    const question = 'Why did Australia ban Huawei?';
    const asked = (await h.fake.interact(slashCommand(h.fake, 'ask', { question }, user))).body
      .data as CallbackData;
    const message = botMessage(h.fake, asked);
    const [up, down] = [':up:', ':down:'].map(
      (part) => ids(asked).find((id) => id.includes(part)) ?? 'missing',
    );
    const first = await h.fake.interact(buttonClick(h.fake, up!, message, user));
    expect(first.body.type).toBe(4);
    expect(first.body.data?.flags).toBe(EPHEMERAL);
    expect(first.body.data?.content).toContain('is recorded');
    const second = await h.fake.interact(buttonClick(h.fake, down!, message, user));
    expect(second.body.data?.content).toContain('replaces your earlier one');
    expect((await store.report()).feedback).toEqual([{ question, helpful: 0, notHelpful: 1 }]);
  });

  it('records a refused question', async () => {
    await h.fake.interact(slashCommand(h.fake, 'ask', { question: 'Who won the 1998 World Cup?' }, user));
    expect((await store.report()).refused).toEqual([{ question: 'Who won the 1998 World Cup?', count: 1 }]);
  });
});
