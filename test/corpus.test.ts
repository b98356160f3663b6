import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  citation,
  encodeTextFragment,
  markExcerpt,
  paragraphLabel,
  passageLink,
} from '../src/corpus/cite.js';
import { DataError } from '../src/corpus/errors.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { Article, Passage } from '../src/corpus/types.js';

// Paths in error messages are relative to the working directory, which vitest sets to the project root.
const FIXTURES = 'test/fixtures/corpus';
const SEED = readFileSync('test/fixtures/seed-article.txt', 'utf8');

async function loadError(dir: string): Promise<DataError> {
  const error: unknown = await loadCorpus(dir).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DataError))
    throw new Error(`expected a DataError from ${dir}, got ${String(error)}`);
  return error;
}

const scratchDirs: string[] = [];
/** A throwaway data folder, for cases that must not be fixture files (prettier would rewrite them, or CRLF). */
function scratchFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-test-'));
  scratchDirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

describe('loadCorpus refuses bad data with a message naming the file and the problem', () => {
  const cases: [folder: string, message: string][] = [
    ['does-not-exist', 'does-not-exist: folder not found: expected a folder of .md or .txt articles'],
    ['no-articles', 'no-articles: no articles: the folder holds no .md or .txt files'],
    ['no-title-md', 'no-title-md/article.md: front matter field "title" is missing'],
    ['no-title-txt', 'no-title-txt/blank.txt: no title: the first line of a .txt article must be its title'],
    [
      'empty-body-md',
      'empty-body-md/article.md: empty body: the article has no paragraphs (separate paragraphs with a blank line)',
    ],
    [
      'empty-body-txt',
      'empty-body-txt/title-only.txt: empty body: the article has no paragraphs (separate paragraphs with a blank line)',
    ],
    [
      'duplicate-id',
      `duplicate-id/same.txt: duplicate id "same": ${FIXTURES}/duplicate-id/a-first.md already uses it; give each article its own id`,
    ],
    [
      'unknown-field',
      'unknown-field/article.md: unknown front matter field "tags" (allowed: id, title, publisher, url, date, author, questions)',
    ],
    ['wrong-type', 'wrong-type/article.md: front matter field "title" must be text, got a number'],
    [
      'questions-not-list',
      'questions-not-list/article.md: front matter field "questions" must be a list ("  - question" lines), got text',
    ],
    [
      'bad-id',
      'bad-id/article.md: front matter field "id" must be lowercase letters, digits and "-", starting with a letter or digit (got "Huawei_5G")',
    ],
    [
      'bad-url',
      'bad-url/article.md: front matter field "url" must be an http:// or https:// address (got "ftp://example.com/article")',
    ],
    [
      'bad-date',
      'bad-date/article.md: front matter field "date" must be a date written YYYY-MM-DD (got "2021-02-30")',
    ],
    [
      'yaml-error',
      'yaml-error/article.md: front matter is not valid YAML at line 3: Nested mappings are not allowed in compact mappings (put the value in quotes if it contains ": ")',
    ],
    [
      'no-front-matter',
      'no-front-matter/article.md: no front matter: an .md article must start with a "---" line, then "title: …", then "---"',
    ],
    [
      'bad-file-name',
      'bad-file-name/My Article.txt: the file name gives the article id "My Article", which must be letters, digits, ".", "_" or "-" (rename the file, or use a .md file with an "id:" field)',
    ],
    [
      'aliases-bad-group',
      'aliases-bad-group/aliases.json: groups[1] must be a list of at least two non-empty strings',
    ],
    [
      'aliases-no-groups',
      'aliases-no-groups/aliases.json: missing "groups": expected {"groups": [["ban", "blacklist"], ...]}',
    ],
  ];
  it.each(cases)('%s', async (folder, message) => {
    const error = await loadError(`${FIXTURES}/${folder}`);
    expect(error.message).toBe(`data error: ${FIXTURES}/${message}`);
  });

  it('names the file relative to the working directory even when the folder is given as an absolute path', async () => {
    const error = await loadError(path.resolve(FIXTURES, 'wrong-type'));
    expect(error.file).toBe(`${FIXTURES}/wrong-type/article.md`);
  });

  it('refuses unterminated front matter', async () => {
    const dir = scratchFolder({ 'a.md': '---\ntitle: An article\n\nBody with no closing line.\n' });
    const error = await loadError(dir);
    expect(error.problem).toBe('front matter is not terminated: add a "---" line after the metadata');
  });

  it.each([
    [
      '{"groups": [["China", "Chinese"]], "regions": {"Asia": ["China"]}}',
      '"regions" must be a list: expected [{"names": ["Asia", "Asian"], "members": ["Japan", "India"]}, ...]',
    ],
    [
      '{"groups": [["China", "Chinese"]], "regions": [{"names": [], "members": ["China"]}]}',
      'regions[0].names must be a list of at least one non-empty string',
    ],
    [
      '{"groups": [["China", "Chinese"]], "regions": [{"names": ["Asia"]}]}',
      'regions[0].members must be a list of at least one non-empty string',
    ],
    [
      '{"groups": [["China", "Chinese"]], "regions": [{"names": ["Asia"], "members": ["China", "Chinese"]}]}',
      'regions[0].members[1] "Chinese" is not the first name of any group; list the country\'s group first',
    ],
  ])('refuses a malformed region, naming the field: %s', async (aliases, problem) => {
    const dir = scratchFolder({ 'a.txt': 'Title\n\nBody.\n', 'aliases.json': aliases });
    expect((await loadError(dir)).problem).toBe(problem);
  });

  it('reads regions by their names and member countries', async () => {
    const aliases =
      '{"groups": [["China", "Chinese"], ["Japan", "Tokyo"]], "regions": [{"names": [" Asia ", "Asian"], "members": ["Japan"]}]}';
    const corpus = await loadCorpus(scratchFolder({ 'a.txt': 'Title\n\nBody.\n', 'aliases.json': aliases }));
    expect(corpus.aliases.regions).toEqual([{ names: ['Asia', 'Asian'], members: ['Japan'] }]);
  });

  it('refuses an aliases.json that is not JSON, quoting the parser', async () => {
    const broken = '{"groups": [["ban", "blacklist"],]}';
    const dir = scratchFolder({ 'a.txt': 'Title\n\nBody.\n', 'aliases.json': broken });
    const parserMessage = (() => {
      try {
        JSON.parse(broken);
        return 'parsed';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect((await loadError(dir)).problem).toBe(`not valid JSON: ${parserMessage}`);
  });
});

describe('the Light Reading article in data/', async () => {
  const corpus = await loadCorpus('data');
  const article = corpus.articles.find((candidate) => candidate.id === 'huawei-5g-wins');
  if (article === undefined) throw new Error('data/huawei-5g-wins.md did not load');
  const paragraphs = article.passages.filter((p) => p.kind === 'paragraph');
  const paragraph = (n: number): Passage => {
    const found = paragraphs.find((p) => p.paragraph === n);
    if (found === undefined) throw new Error(`no ¶${n}`);
    return found;
  };

  it('has its metadata and no invented url or date', () => {
    expect(article.title).toBe('Huawei gets some 5G wins, calls for talks with US');
    expect(article.publisher).toBe('Light Reading');
    expect(article.url).toBeUndefined();
    expect(article.date).toBeUndefined();
    expect(article.questions.length).toBeGreaterThanOrEqual(15);
    expect(article.questions.length).toBeLessThanOrEqual(25);
  });

  it('numbers 21 body paragraphs as a reader would', () => {
    expect(paragraphs.map((p) => p.paragraph)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(paragraph(7).text.startsWith("The government has approved Vodafone's")).toBe(true);
    expect(paragraph(17).text.startsWith('This has been exacerbated')).toBe(true);
    expect(paragraph(7).id).toBe('huawei-5g-wins#p7');
  });

  it('labels the photo caption as the caption after ¶3', () => {
    const captions = article.passages.filter((p) => p.kind === 'caption');
    expect(captions).toHaveLength(1);
    expect(captions[0]?.id).toBe('huawei-5g-wins#caption-3');
    expect(captions[0]?.paragraph).toBe(3);
    expect(captions[0]?.text.startsWith('Looking up:')).toBe(true);
  });

  it('never makes the promo a passage', () => {
    expect(article.passages.some((p) => p.text.includes('Interested in Asia?'))).toBe(false);
  });

  it('puts ¶10..¶21 in the section "Mending fences" and nothing before it', () => {
    expect(article.sections).toEqual(['Mending fences']);
    for (const p of paragraphs) expect(p.section).toBe(p.paragraph >= 10 ? 'Mending fences' : undefined);
  });

  it('keeps every passage verbatim: a substring of the original article', () => {
    for (const p of article.passages) expect(SEED.includes(p.text), p.id).toBe(true);
    expect(paragraph(1).text).toContain('Huawei – perhaps'); // en dash kept, not normalised
  });
});

describe('plain-text and mixed folders', () => {
  it('loads a .txt article as it is in the seed folder, id from the file name', async () => {
    const dir = scratchFolder({ '000_1918109f51696de6.txt': SEED });
    const [article] = (await loadCorpus(dir)).articles;
    expect(article?.id).toBe('000_1918109f51696de6');
    expect(article?.title).toBe('Huawei gets some 5G wins, calls for talks with US');
    expect(article?.sections).toEqual(['Mending fences']);
    expect(article?.passages.find((p) => p.kind === 'caption')?.paragraph).toBe(3);
    for (const p of article?.passages ?? []) expect(SEED.includes(p.text)).toBe(true);
  });

  it('reads .md and .txt in file-name order with aliases, ignoring other files', async () => {
    const corpus = await loadCorpus(`${FIXTURES}/good-mixed`);
    expect(corpus.articles.map((a) => [a.id, a.file])).toEqual([
      ['harbour-ferry', 'harbour-ferry.txt'],
      ['lighthouse-keepers', 'lighthouse.md'],
    ]);
    expect(corpus.aliases.groups).toEqual([
      ['ferry', 'boat'],
      ['keeper', 'warden'],
    ]);
    const [ferry, lighthouse] = corpus.articles;
    expect(ferry?.passages.map((p) => [p.id, p.section])).toEqual([
      ['harbour-ferry#p1', undefined],
      ['harbour-ferry#p2', undefined],
      ['harbour-ferry#caption-2', undefined],
      ['harbour-ferry#p3', 'Fares and timetable'],
      ['harbour-ferry#p4', 'Fares and timetable'],
    ]);
    expect(lighthouse).toMatchObject({
      url: 'https://example.org/coast/lighthouse-keepers',
      date: '2020-03-14',
      author: 'A. Writer',
      questions: ['When was the lighthouse automated?'],
    });
    expect(lighthouse?.passages.map((p) => p.id)).toEqual([
      'lighthouse-keepers#p1',
      'lighthouse-keepers#caption-1',
      'lighthouse-keepers#p2',
      'lighthouse-keepers#p3',
    ]);
  });

  it('reads a folder without aliases.json as an empty alias table', async () => {
    const dir = scratchFolder({ 'a.txt': 'Title\n\nBody.\n' });
    expect((await loadCorpus(dir)).aliases).toEqual({ groups: [] });
  });

  it('drops a UTF-8 BOM and reads CRLF line endings, keeping lines inside a paragraph', async () => {
    const source =
      '\uFEFF---\r\ntitle: Windows file\r\n---\r\n\r\nFirst line\r\nsecond line.  \r\n\r\nNext.\r\n';
    const [article] = (await loadCorpus(scratchFolder({ 'windows.md': source }))).articles;
    expect(article?.title).toBe('Windows file');
    expect(article?.passages.map((p) => p.text)).toEqual(['First line\nsecond line.', 'Next.']);
  });

  it('reads a .txt body with no blank lines at all as one paragraph per line', async () => {
    const source = 'Title\n\nFirst paragraph.\nSecond paragraph.\nThird paragraph.\n';
    const [article] = (await loadCorpus(scratchFolder({ 'lines.txt': source }))).articles;
    expect(article?.passages.map((p) => p.text)).toEqual([
      'First paragraph.',
      'Second paragraph.',
      'Third paragraph.',
    ]);
  });

  it('numbers a second caption after the same paragraph without an id clash', async () => {
    const source = 'Title\n\nBody.\n\nOne. (Source: A)\n\nTwo. (Source: B)\n';
    const [article] = (await loadCorpus(scratchFolder({ 'c.txt': source }))).articles;
    expect(article?.passages.map((p) => p.id)).toEqual(['c#p1', 'c#caption-1', 'c#caption-1-2']);
  });
});

describe('citations', () => {
  const passage = (
    kind: Passage['kind'],
    paragraph: number,
    text = 'The government has approved it.',
  ): Passage => ({
    id: `a#${kind}-${paragraph}`,
    articleId: 'a',
    kind,
    paragraph,
    text,
  });
  const article: Article = {
    id: 'a',
    title: 'Huawei gets some 5G wins, calls for talks with US',
    publisher: 'Light Reading',
    file: 'a.md',
    passages: [],
    sections: [],
    questions: [],
  };

  it('labels paragraphs and captions', () => {
    expect(paragraphLabel(passage('paragraph', 7))).toBe('¶7');
    expect(paragraphLabel(passage('caption', 3))).toBe('caption after ¶3');
    expect(paragraphLabel(passage('caption', 0))).toBe('caption before ¶1');
  });

  it('cites publisher, quoted title and ¶', () => {
    expect(citation(article, passage('paragraph', 7))).toBe(
      'Light Reading, "Huawei gets some 5G wins, calls for talks with US", ¶7',
    );
    const { publisher: _publisher, ...anonymous } = article;
    expect(citation(anonymous, passage('caption', 3))).toBe(
      '"Huawei gets some 5G wins, calls for talks with US", caption after ¶3',
    );
  });

  it('links only when the article has a url, with an encoded text fragment', () => {
    expect(passageLink(article, passage('paragraph', 1))).toBeUndefined();
    const withUrl = { ...article, url: 'https://example.com/story#top' };
    const text = 'Huawei – green-light, R&D, “trust” and more words here';
    expect(passageLink(withUrl, passage('paragraph', 1, text))).toBe(
      'https://example.com/story#:~:text=Huawei%20%E2%80%93%20green%2Dlight%2C%20R%26D%2C%20%E2%80%9Ctrust%E2%80%9D%20and',
    );
    expect(encodeTextFragment('a-b&c,d')).toBe('a%2Db%26c%2Cd');
  });

  it('marks matched words in bold, joining neighbours, with ellipses where clipped', () => {
    const text = 'the National Intelligence Law requires';
    expect(
      markExcerpt({
        text,
        highlights: [
          [13, 25],
          [4, 12],
          [26, 29],
        ],
        clippedStart: true,
        clippedEnd: false,
      }),
    ).toBe('…the **National Intelligence Law** requires');
    expect(
      markExcerpt({ text: 'a*b', highlights: [], clippedStart: false, clippedEnd: true }, (s) =>
        s.replace('*', '\\*'),
      ),
    ).toBe('a\\*b…');
  });
});
