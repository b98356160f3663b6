import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand, loadCommands } from '../../src/bot/commands.js';
import { COMMANDS_DIR } from '../../src/bot/startup.js';
import { COMMAND_NAMES } from './harness.js';

const fixture = (name: string) => path.join('test', 'fixtures', 'commands', name);

describe('command loader', () => {
  it('loads the real commands with their exact names', async () => {
    const commands = await loadCommands(COMMANDS_DIR);
    expect(commands.map((c) => c.data.name)).toEqual(COMMAND_NAMES);
    const ask = commands.find((c) => c.data.name === 'ask')!.data.toJSON() as {
      options: { name: string; required?: boolean; autocomplete?: boolean; type: number }[];
    };
    expect(ask.options.map((o) => [o.name, o.type, o.required ?? false, o.autocomplete ?? false])).toEqual([
      ['question', 3, true, true],
      ['private', 5, false, false],
    ]);
    const quote = commands.find((c) => c.data.name === 'quote')!.data.toJSON() as {
      options: { name: string }[];
    };
    expect(quote.options.map((o) => o.name)).toEqual(['passage']);
    expect(commands.find((c) => c.data.name === 'Ask the article')!.data.toJSON()).toMatchObject({ type: 3 });
  });

  it('names the file that has no execute', async () => {
    await expect(loadCommands(fixture('no-execute'))).rejects.toThrow(
      `command error: ${path.join(fixture('no-execute'), 'ping.ts')}: missing export "execute" (a function that answers the command)`,
    );
  });

  it('names the file that has no data', async () => {
    await expect(loadCommands(fixture('no-data'))).rejects.toThrow(
      `command error: ${path.join(fixture('no-data'), 'orphan.ts')}: missing export "data" (a SlashCommandBuilder or ContextMenuCommandBuilder)`,
    );
  });

  it('requires autocomplete when an option asks for it', async () => {
    await expect(loadCommands(fixture('no-autocomplete'))).rejects.toThrow(
      `command error: ${path.join(fixture('no-autocomplete'), 'find.ts')}: option "what" has autocomplete on but the file exports no "autocomplete" function`,
    );
  });

  it('rejects a second command with the same name, naming both files', async () => {
    const dir = fixture('duplicate');
    await expect(loadCommands(dir)).rejects.toThrow(
      `command error: ${path.join(dir, 'b.ts')}: command name "same" is already used by ${path.join(dir, 'a.ts')}`,
    );
  });

  it('checks buttons have a customId prefix and data has a name', () => {
    const data = { name: 'x', toJSON: () => ({ name: 'x' }) };
    expect(() => checkCommand({ data, execute() {}, button() {} }, 'commands/x.ts')).toThrow(
      'command error: commands/x.ts: export "button" needs export "customIdPrefix" (lowercase word starting the buttons\' customIds)',
    );
    expect(() => checkCommand({ data: { toJSON: () => ({}) }, execute() {} }, 'commands/y.ts')).toThrow(
      'command error: commands/y.ts: export "data" has no name: call .setName(...) on the builder',
    );
  });
});
