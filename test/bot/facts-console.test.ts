/** Console mode runs /decisions and /arguments through the same command contract as Discord; the map goes to a file. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/bot/commands.js';
import { parseConsoleLine, renderReplyAsText } from '../../src/bot/console-core.js';
import { createContext } from '../../src/bot/context.js';
import { runConsole } from '../../src/bot/console.js';
import { DECISIONS_MAP_FILE } from '../../src/bot/decisions-map.js';
import { createLogger } from '../../src/bot/log.js';
import { SUMMARY_STRINGS } from '../../src/bot/strings.js';
import { parseConfig } from '../../src/config.js';
import { decodePng } from '../support/png.js';
import { COMMANDS_DIR } from '../../src/bot/startup.js';
import { loadLibrary } from '../../src/library.js';

const commands = await loadCommands(COMMANDS_DIR);
const library = await loadLibrary(path.resolve('data'));
const ctx = createContext(library, createLogger({ level: 'silent' }));

async function run(line: string): Promise<string> {
  const input = parseConsoleLine(line, commands);
  if (input.kind !== 'command') throw new Error(`not a command: ${JSON.stringify(input)}`);
  return renderReplyAsText(await input.command.execute(input.request, ctx));
}

describe('console mode with the facts commands', () => {
  it('/decisions country: rome shows Italy’s decision with its conditions and verbatim quote', async () => {
    const italy = library.facts.decisions.find((d) => d.country === 'Italy')!;
    const text = await run('/decisions country: rome');
    expect(text).toContain('Italy (Vodafone): Conditionally approved');
    expect(text).toContain(italy.quote);
    for (const condition of italy.conditions) expect(text).toContain(condition);
  });

  it.each(['China', 'Taiwan', 'Germany', 'UK'])(
    '/decisions country: %s says the article reports no decision by it and lists the countries it does',
    async (country) => {
      const text = await run(`/decisions country: ${country}`);
      const reported = [...new Set(library.facts.decisions.map((d) => d.country))];
      expect(text).toContain(
        `The article reports no decision by “${country}”. It reports decisions by: ${reported.join(', ')}.`,
      );
      for (const decision of library.facts.decisions) expect(text).not.toContain(decision.quote);
    },
  );

  it.each(['the us', 'U.S.', 'US', 'America', 'Washington', 'United States'])(
    '/decisions country: %s shows the United States decision',
    async (typed) => {
      const us = library.facts.decisions.find((d) => d.country === 'United States')!;
      expect(await run(`/decisions country: ${typed}`)).toContain(us.quote);
    },
  );

  it('/arguments side: against-huawei-access lists every argument against, and only those', async () => {
    const text = await run('/arguments side: against-huawei-access');
    for (const argument of library.facts.arguments) {
      if (argument.side === 'against-huawei-access') expect(text).toContain(argument.quote);
      else expect(text).not.toContain(argument.quote);
    }
  });
});

describe('console mode with the map', () => {
  it('/decisions saves the map PNG to a file and prints its path', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'console-map-'));
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    await runConsole(parseConfig({ DATA_DIR: path.resolve('data') }), {
      input: Readable.from(['/decisions\n', 'quit\n']),
      output,
      attachmentsDir: dir,
    });
    const file = path.join(dir, DECISIONS_MAP_FILE);
    expect(printed).toContain(SUMMARY_STRINGS.consoleAttachment(DECISIONS_MAP_FILE, file));
    expect(decodePng(await readFile(file)).width).toBeGreaterThanOrEqual(800);
    await rm(dir, { recursive: true, force: true });
  });
});
