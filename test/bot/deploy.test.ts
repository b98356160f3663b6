import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/bot/commands.js';
import { deployCommands } from '../../src/bot/deploy.js';
import { COMMANDS_DIR } from '../../src/bot/startup.js';
import { FAKE_APPLICATION_ID, FAKE_GUILD_ID } from '../fake-discord/server.js';
import { COMMAND_NAMES, TEST_TOKEN, useFakeDiscord } from './harness.js';

const fakeDiscord = useFakeDiscord();

describe('deploy', () => {
  it('registers every command with one bulk PUT to the guild, at DISCORD_API_URL', async () => {
    const commands = await loadCommands(COMMANDS_DIR);
    const target = { token: TEST_TOKEN, clientId: FAKE_APPLICATION_ID, apiUrl: fakeDiscord().apiUrl };
    const result = await deployCommands({ ...target, guildId: FAKE_GUILD_ID }, commands);
    expect(result.names).toEqual(COMMAND_NAMES);
    const puts = fakeDiscord().requests.filter((r) => r.method === 'PUT');
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
      { token: TEST_TOKEN, clientId: FAKE_APPLICATION_ID, apiUrl: fakeDiscord().apiUrl, guildId: undefined },
      commands,
    );
    expect(result.route).toBe(`/applications/${FAKE_APPLICATION_ID}/commands`);
    expect(fakeDiscord().requests.at(-1)!.path).toBe(`/api/v10/applications/${FAKE_APPLICATION_ID}/commands`);
  });
});
