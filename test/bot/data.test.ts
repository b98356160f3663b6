/**
 * Bad data never gets served: a malformed article or facts file stops `npm start` with an error naming the
 * file and the field (or line); with DATA_WATCH=1 a good change is picked up while running and a broken
 * change is reported while the last good data keeps answering.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BotContext } from '../../src/bot/context.js';
import { createLogger } from '../../src/bot/log.js';
import { loadContext } from '../../src/bot/startup.js';
import { watchData } from '../../src/bot/watch.js';
import type { ReloadOutcome } from '../../src/bot/watch.js';
import { DataError } from '../../src/corpus/errors.js';
import { slashCommand } from '../fake-discord/interactions.js';
import { TEST_TOKEN, useFakeDiscord } from './harness.js';
import { startMain, waitFor } from './main-process.js';

const ARTICLE = 'huawei-5g-wins.md';
const FACTS = 'huawei-5g-wins.facts.json';
/** A paragraph the real article does not have, and a question only it answers. */
const NEW_PARAGRAPH = 'The zebracorn committee approved the new antenna masts in March.';
const NEW_QUESTION = 'Which antenna masts did the zebracorn committee approve in March?';
/** Nothing Discord would accept: the bot must not get that far. */
const UNREACHABLE_API = 'http://127.0.0.1:9/api';

function copyOfData(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bot-data-'));
  cpSync('data', dir, { recursive: true });
  return dir;
}

const breakArticle = (dir: string) =>
  writeFileSync(path.join(dir, ARTICLE), `---\ntitle: 42\n---\n\n${NEW_PARAGRAPH}\n`);

// One broken article and one broken facts file, each through a real `npm start` (every loader error message
// is tested in-process by test/corpus.test.ts and test/facts.test.ts).
describe('bad data stops start-up with a named error', () => {
  const withBrokenFacts = (fixture: string) => {
    const dir = copyOfData();
    cpSync(path.join('test/fixtures/facts', fixture, FACTS), path.join(dir, FACTS));
    return dir;
  };

  it.each([
    [
      'article: a field of the wrong type',
      () => 'test/fixtures/corpus/wrong-type',
      (dir: string) => `data error: ${dir}/article.md: front matter field "title" must be text, got a number`,
    ],
    [
      'facts: a missing field',
      () => withBrokenFacts('missing-field'),
      (dir: string) =>
        `data error: ${path.relative(process.cwd(), path.join(dir, FACTS))}: decisions[0] (italy-vodafone): field "country" is missing`,
    ],
  ])('%s', async (_name, makeDir, expected) => {
    const dir = makeDir();
    const main = startMain({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: UNREACHABLE_API, DATA_DIR: dir });
    expect(await main.exited()).toBe(1);
    const output = main.output();
    expect(output).toContain('ERROR cannot start: data error: ');
    expect(output).toContain(expected(dir));
    expect(output).not.toContain('logged in');
    expect(output).not.toContain(TEST_TOKEN);
  });
});

describe('DATA_WATCH', () => {
  it('reloads on change; a broken change is reported and the last good library keeps serving', async () => {
    const dir = copyOfData();
    const lines: string[] = [];
    const log = createLogger({ level: 'info', write: (_level, line) => lines.push(line) });
    const outcomes: ReloadOutcome<BotContext>[] = [];
    const nextOutcome = () => {
      const seen = outcomes.length;
      return waitFor(() => outcomes.length > seen, 'a reload', 10_000).then(() => outcomes.at(-1)!);
    };
    const watched = watchData({
      dir,
      initial: await loadContext(dir, log),
      load: (d) => loadContext(d, log),
      log,
      debounceMs: 100,
      onReload: (outcome) => outcomes.push(outcome),
    });
    try {
      const answers = () => watched.current().library.engine.search(NEW_QUESTION).kind;
      expect(answers()).toBe('no-match');

      let reloaded = nextOutcome();
      appendFileSync(path.join(dir, ARTICLE), `\n${NEW_PARAGRAPH}\n`);
      expect((await reloaded).kind).toBe('reloaded');
      expect(answers()).toBe('answer');
      const good = watched.current();

      // Several events from one save (truncate + write) are one reload, not several.
      expect(outcomes.length).toBe(1);

      reloaded = nextOutcome();
      breakArticle(dir);
      const failed = await reloaded;
      expect(failed.kind).toBe('failed');
      if (failed.kind !== 'failed') return;
      expect(failed.error).toBeInstanceOf(DataError);
      expect(failed.error.message).toBe(
        // The loader names files relative to the working directory.
        `data error: ${path.relative(process.cwd(), path.join(dir, ARTICLE))}: front matter field "title" must be text, got a number`,
      );
      expect(lines.at(-1)).toContain(
        `ERROR data reload failed, still serving the last good data: ${failed.error.message}`,
      );
      expect(watched.current()).toBe(good);
      expect(answers()).toBe('answer');
    } finally {
      watched.close();
    }
  });

  describe('npm start with DATA_WATCH=1', () => {
    const fakeDiscord = useFakeDiscord();

    it('answers from the changed data, and keeps answering after a broken change', async () => {
      const dir = copyOfData();
      const original = readFileSync(path.join(dir, ARTICLE), 'utf8');
      const main = startMain({
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_API_URL: fakeDiscord().apiUrl,
        DATA_DIR: dir,
        DATA_WATCH: '1',
        RATE_LIMIT_BURST: '0',
      });
      try {
        await waitFor(() => main.output().includes('logged in as'), 'login');
        expect(main.output()).toContain(`watching ${dir} for changes (DATA_WATCH)`);
        const ask = async () =>
          (await fakeDiscord().interact(slashCommand(fakeDiscord(), 'ask', { question: NEW_QUESTION }))).body
            .data!;

        expect((await ask()).content).toContain("The article doesn't cover that");

        writeFileSync(path.join(dir, ARTICLE), `${original}\n${NEW_PARAGRAPH}\n`);
        await waitFor(() => main.output().includes('data reloaded'), 'the reload');
        expect((await ask()).embeds?.[0]?.description).toContain('zebracorn');

        breakArticle(dir);
        await waitFor(() => main.output().includes('data reload failed'), 'the failed reload');
        expect(main.output()).toContain(`front matter field "title" must be text, got a number`);
        expect((await ask()).embeds?.[0]?.description).toContain('zebracorn');
        expect(main.output()).not.toContain(TEST_TOKEN);
      } finally {
        main.child.kill('SIGTERM');
        await main.exited();
      }
    });
  });
});
