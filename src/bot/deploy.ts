/**
 * `npm run deploy`: register every command in commands/ with one bulk PUT (replacing the previous set),
 * to DISCORD_GUILD_ID when set (instant; for development) or globally. Honours DISCORD_API_URL.
 */
import { REST, Routes } from 'discord.js';
import { ConfigError, loadConfig, requireClientId, requireToken } from '../config.js';
import { loadCommands } from './commands.js';
import type { Command } from './commands.js';
import { redact } from './log.js';
import { COMMANDS_DIR, isEntryPoint } from './startup.js';

export interface DeployTarget {
  readonly token: string;
  readonly clientId: string;
  readonly guildId: string | undefined;
  readonly apiUrl: string | undefined;
}

export interface DeployResult {
  readonly route: string;
  readonly names: readonly string[];
}

export async function deployCommands(
  target: DeployTarget,
  commands: readonly Command[],
): Promise<DeployResult> {
  const rest = new REST(target.apiUrl ? { api: target.apiUrl } : {}).setToken(target.token);
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.clientId, target.guildId)
    : Routes.applicationCommands(target.clientId);
  const registered = (await rest.put(route, { body: commands.map((command) => command.data.toJSON()) })) as {
    name: string;
  }[];
  return { route, names: registered.map((command) => command.name) };
}

if (isEntryPoint(import.meta.url)) {
  let token: string | undefined;
  try {
    const config = loadConfig();
    token = requireToken(config);
    const clientId = requireClientId(config);
    const commands = await loadCommands(COMMANDS_DIR);
    const result = await deployCommands(
      { token, clientId, guildId: config.guildId, apiUrl: config.apiUrl },
      commands,
    );
    const where = config.guildId
      ? `to guild ${config.guildId} (available now)`
      : 'globally (may take a few minutes to appear)';
    console.log(`Registered ${result.names.length} commands ${where}: ${result.names.join(', ')}`);
  } catch (error) {
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    console.error(`deploy failed: ${redact(message, token ? [token] : [])}`);
    process.exitCode = 1;
  }
}
