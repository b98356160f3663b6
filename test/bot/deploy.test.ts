import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/bot/commands.js';
import { deployCommands } from '../../src/bot/deploy.js';
import { COMMANDS_DIR } from '../../src/bot/startup.js';
import { FAKE_APPLICATION_ID, FAKE_GUILD_ID, FakeDiscord } from '../fake-discord/server.js';
import { TEST_TOKEN } from './harness.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = new FakeDiscord({ token: TEST_TOKEN });
  await fake.start();
});
afterAll(async () => {
  await fake?.stop();
});

describe('deploy', () => {
  it('registers every command with one bulk PUT to the guild, at DISCORD_API_URL', async () => {
    const commands = await loadCommands(COMMANDS_DIR);
    const target = { token: TEST_TOKEN, clientId: FAKE_APPLICATION_ID, apiUrl: fake.apiUrl };
    const result = await deployCommands({ ...target, guildId: FAKE_GUILD_ID }, commands);
    expect(result.names).toEqual([
      'arguments',
      'Ask the article',
      'ask',
      'decisions',
      'help',
      'quote',
      'sources',
    ]);
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0]!.path).toBe(
      `/api/v10/applications/${FAKE_APPLICATION_ID}/guilds/${FAKE_GUILD_ID}/commands`,
    );
    expect(puts[0]!.headers.authorization).toBe(`Bot ${TEST_TOKEN}`);
    expect((puts[0]!.body as { name: string }[]).map((c) => c.name)).toEqual(result.names);
  });

  it('registers globally without a guild id', async () => {
    const commands = await loadCommands(COMMANDS_DIR);
    const result = await deployCommands(
      { token: TEST_TOKEN, clientId: FAKE_APPLICATION_ID, apiUrl: fake.apiUrl, guildId: undefined },
      commands,
    );
    expect(result.route).toBe(`/applications/${FAKE_APPLICATION_ID}/commands`);
    expect(fake.requests.at(-1)!.path).toBe(`/api/v10/applications/${FAKE_APPLICATION_ID}/commands`);
  });
});
