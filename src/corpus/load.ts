/**
 * The corpus loader: the one I/O edge between data files and the pure engine. It reads every article in a
 * folder (front-matter .md, or plain .txt) plus an optional aliases.json, and refuses bad data with a
 * DataError that names the file and says how to fix it, so a broken data folder fails at startup rather
 * than producing wrong citations later.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { DataError } from './errors.js';
import type { AliasTable, Article, Corpus, Passage, Region } from './types.js';

const ALIASES_FILE = 'aliases.json';

/** Front-matter fields an article may carry; anything else is most likely a typo, so it is refused. */
const FRONT_MATTER_FIELDS = ['id', 'title', 'publisher', 'url', 'date', 'author', 'questions'] as const;
type FrontMatterField = (typeof FRONT_MATTER_FIELDS)[number];

/** Ids written by hand in front matter: safe in URLs, Discord custom ids and passage ids. */
const ARTICLE_ID = /^[a-z0-9][a-z0-9-]*$/;
/** Ids taken from a file name are kept as the name is (e.g. `000_1918109f51696de6`), but must still be tame. */
const FILE_NAME_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Block markers understood in both formats. The promo is dropped: it is site chrome, never an answer. */
const CAPTION_MARKER = '[caption] ';
const PROMO_MARKER = '[promo] ';
const HEADING = /^#{1,6}[ \t]+(.+?)[ \t#]*$/;

/** Plain-text heuristics: a short unpunctuated block is a heading; "(Source: …)" ends a photo caption. */
const TXT_HEADING_MAX_WORDS = 10;
const TERMINAL_PUNCTUATION = /[.!?:;,…"'”’)\]]$/u;
const CAPTION_SOURCE = /\(Source:[^()]*\)$/;

/**
 * Reads every `*.md` and `*.txt` article in `dir` (sorted by file name) and the optional `aliases.json`.
 * Other files (e.g. `*.facts.json`) and sub-folders are ignored.
 * Passage text is verbatim: a substring of the file once a UTF-8 BOM is dropped and CRLF is read as LF.
 * @throws DataError naming the file (relative to the working directory) and the problem.
 */
export async function loadCorpus(dir: string): Promise<Corpus> {
  const names = await listFolder(dir);
  const articleNames = names
    .filter((name) => !name.startsWith('.') && (name.endsWith('.md') || name.endsWith('.txt')))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (articleNames.length === 0) {
    throw new DataError(displayPath(dir), 'no articles: the folder holds no .md or .txt files');
  }

  const articles: Article[] = [];
  const fileById = new Map<string, string>();
  for (const name of articleNames) {
    const file = displayPath(dir, name);
    const source = normaliseSource(await readText(path.join(dir, name), file));
    const article = name.endsWith('.md')
      ? parseMarkdownArticle(source, name, file)
      : parseTextArticle(source, name, file);
    const earlier = fileById.get(article.id);
    if (earlier !== undefined) {
      throw new DataError(
        file,
        `duplicate id "${article.id}": ${earlier} already uses it; give each article its own id`,
      );
    }
    fileById.set(article.id, file);
    articles.push(article);
  }

  const aliases = names.includes(ALIASES_FILE)
    ? parseAliases(
        await readText(path.join(dir, ALIASES_FILE), displayPath(dir, ALIASES_FILE)),
        displayPath(dir, ALIASES_FILE),
      )
    : { groups: [] };
  return { articles, aliases };
}

// ---------------------------------------------------------------------------------------------------------
// File system

async function listFolder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch (error) {
    const code = errorCode(error);
    const problem =
      code === 'ENOENT'
        ? 'folder not found: expected a folder of .md or .txt articles'
        : code === 'ENOTDIR'
          ? 'not a folder: expected a folder of .md or .txt articles'
          : `cannot read folder (${code ?? String(error)})`;
    throw new DataError(displayPath(dir), problem);
  }
}

async function readText(fullPath: string, file: string): Promise<string> {
  try {
    return await readFile(fullPath, 'utf8');
  } catch (error) {
    throw new DataError(file, `cannot read file (${errorCode(error) ?? String(error)})`);
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** Paths in messages are relative to the working directory (`data/x.md`) however the folder was given. */
function displayPath(dir: string, name?: string): string {
  const full = name === undefined ? path.resolve(dir) : path.resolve(dir, name);
  const relative = path.relative(process.cwd(), full);
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}

/** Windows editors add a BOM and CRLF; neither belongs to the text, and both would break line parsing. */
function normaliseSource(raw: string): string {
  return (raw.startsWith('\uFEFF') ? raw.slice(1) : raw).replace(/\r\n/g, '\n');
}

// ---------------------------------------------------------------------------------------------------------
// Blocks: runs of non-blank lines. Trimming only the ends of a block keeps it a substring of the source.

interface Block {
  readonly text: string;
  /** 1-based line of the block's first line in the file, for error messages. */
  readonly line: number;
}

function splitBlocks(body: string, firstLine: number): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let start = firstLine;
  const flush = (): void => {
    if (current.length > 0) blocks.push({ text: current.join('\n').trim(), line: start });
    current = [];
  };
  body.split('\n').forEach((line, index) => {
    if (line.trim() === '') {
      flush();
    } else {
      if (current.length === 0) start = firstLine + index;
      current.push(line);
    }
  });
  flush();
  return blocks;
}

type BlockKind =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'caption'; readonly text: string }
  | { readonly kind: 'heading'; readonly title: string }
  | { readonly kind: 'promo' };

/** Explicit markers win; plain-text files also get the heading and caption heuristics. */
function classify(text: string, plainText: boolean): BlockKind {
  if (text.startsWith(CAPTION_MARKER))
    return { kind: 'caption', text: text.slice(CAPTION_MARKER.length).trim() };
  if (text.startsWith(PROMO_MARKER)) return { kind: 'promo' };
  const heading = !text.includes('\n') ? HEADING.exec(text) : null;
  if (heading?.[1] !== undefined) return { kind: 'heading', title: heading[1] };
  if (plainText) {
    if (CAPTION_SOURCE.test(text)) return { kind: 'caption', text };
    const words = text.split(/\s+/).length;
    if (!text.includes('\n') && words <= TXT_HEADING_MAX_WORDS && !TERMINAL_PUNCTUATION.test(text)) {
      return { kind: 'heading', title: text };
    }
  }
  return { kind: 'paragraph', text };
}

interface Body {
  readonly passages: Passage[];
  readonly sections: string[];
}

/** Numbers body paragraphs ¶1.. in reading order; captions take the ¶ they follow; the promo vanishes. */
function buildBody(articleId: string, blocks: readonly Block[], plainText: boolean, file: string): Body {
  const passages: Passage[] = [];
  const sections: string[] = [];
  const captionIds = new Set<string>();
  let paragraph = 0;
  let section: string | undefined;
  for (const block of blocks) {
    const kind = classify(block.text, plainText);
    switch (kind.kind) {
      case 'heading':
        section = kind.title;
        sections.push(section);
        break;
      case 'promo':
        break;
      case 'caption': {
        if (kind.text === '')
          throw new DataError(file, `line ${block.line}: empty caption after "[caption]"`);
        // Two captions after the same ¶ would share an id; the second becomes caption-3-2 and so on.
        const base = `${articleId}#caption-${paragraph}`;
        let id = base;
        for (let n = 2; captionIds.has(id); n++) id = `${base}-${n}`;
        captionIds.add(id);
        passages.push({
          id,
          articleId,
          kind: 'caption',
          paragraph,
          text: kind.text,
          ...(section ? { section } : {}),
        });
        break;
      }
      case 'paragraph':
        paragraph++;
        passages.push({
          id: `${articleId}#p${paragraph}`,
          articleId,
          kind: 'paragraph',
          paragraph,
          text: kind.text,
          ...(section ? { section } : {}),
        });
        break;
    }
  }
  if (paragraph === 0) {
    throw new DataError(
      file,
      'empty body: the article has no paragraphs (separate paragraphs with a blank line)',
    );
  }
  return { passages, sections };
}

// ---------------------------------------------------------------------------------------------------------
// Plain text: first non-blank line is the title, id is the file name.

function parseTextArticle(source: string, name: string, file: string): Article {
  const lines = source.split('\n');
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  const title = titleIndex === -1 ? undefined : lines[titleIndex]?.trim();
  if (title === undefined)
    throw new DataError(file, 'no title: the first line of a .txt article must be its title');
  const id = idFromFileName(name, file);
  const blocks = splitBlocks(lines.slice(titleIndex + 1).join('\n'), titleIndex + 2);
  const body = buildBody(id, oneParagraphPerLineIfUnseparated(blocks), true, file);
  return { id, title, file: name, questions: [], ...body };
}

/**
 * Some plain-text exports put one paragraph per line with no blank lines between them; read as one block,
 * the whole article would be a single passage, so a lone multi-line block is split into its lines.
 */
function oneParagraphPerLineIfUnseparated(blocks: readonly Block[]): readonly Block[] {
  const only = blocks.length === 1 ? blocks[0] : undefined;
  if (only === undefined || !only.text.includes('\n')) return blocks;
  return only.text.split('\n').flatMap((line, index) => {
    const text = line.trim();
    return text === '' ? [] : [{ text, line: only.line + index }];
  });
}

function idFromFileName(name: string, file: string): string {
  const id = name.slice(0, name.lastIndexOf('.'));
  if (!FILE_NAME_ID.test(id)) {
    throw new DataError(
      file,
      `the file name gives the article id "${id}", which must be letters, digits, ".", "_" or "-" ` +
        '(rename the file, or use a .md file with an "id:" field)',
    );
  }
  return id;
}

// ---------------------------------------------------------------------------------------------------------
// Markdown with YAML front matter.

function parseMarkdownArticle(source: string, name: string, file: string): Article {
  const lines = source.split('\n');
  if (lines[0]?.trimEnd() !== '---') {
    throw new DataError(
      file,
      'no front matter: an .md article must start with a "---" line, then "title: …", then "---"',
    );
  }
  const closing = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (closing === -1) {
    throw new DataError(file, 'front matter is not terminated: add a "---" line after the metadata');
  }
  const meta = parseFrontMatter(lines.slice(1, closing).join('\n'), file);
  const id = meta.id ?? idFromFileName(name, file);
  const blocks = splitBlocks(lines.slice(closing + 1).join('\n'), closing + 2);
  const body = buildBody(id, blocks, false, file);
  return {
    id,
    title: meta.title,
    file: name,
    questions: meta.questions ?? [],
    ...(meta.publisher !== undefined ? { publisher: meta.publisher } : {}),
    ...(meta.url !== undefined ? { url: meta.url } : {}),
    ...(meta.date !== undefined ? { date: meta.date } : {}),
    ...(meta.author !== undefined ? { author: meta.author } : {}),
    ...body,
  };
}

interface FrontMatter {
  readonly id?: string;
  readonly title: string;
  readonly publisher?: string;
  readonly url?: string;
  readonly date?: string;
  readonly author?: string;
  readonly questions?: readonly string[];
}

function parseFrontMatter(yamlText: string, file: string): FrontMatter {
  const document = parseDocument(yamlText);
  const yamlError = document.errors[0];
  if (yamlError !== undefined) {
    // The YAML line counts from the line after the opening "---", which is line 2 of the file.
    const line = (yamlError.linePos?.[0]?.line ?? 0) + 1;
    const reason =
      yamlError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'syntax error';
    // The most common slip: a title with ": " in it reads as a nested mapping.
    const hint =
      yamlError.code === 'BLOCK_AS_IMPLICIT_KEY' ? ' (put the value in quotes if it contains ": ")' : '';
    throw new DataError(file, `front matter is not valid YAML at line ${line}: ${reason}${hint}`);
  }
  const data: unknown = document.toJS();
  if (data === null || data === undefined) throw new DataError(file, 'front matter field "title" is missing');
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new DataError(file, 'front matter must be "field: value" lines (title, id, publisher, …)');
  }
  const fields = data as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!(FRONT_MATTER_FIELDS as readonly string[]).includes(key)) {
      throw new DataError(
        file,
        `unknown front matter field "${key}" (allowed: ${FRONT_MATTER_FIELDS.join(', ')})`,
      );
    }
  }

  const text = (field: FrontMatterField): string | undefined => {
    const value = fields[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      throw new DataError(file, `front matter field "${field}" must be text, got ${describe(value)}`);
    }
    if (value.trim() === '') throw new DataError(file, `front matter field "${field}" is empty`);
    return value.trim();
  };

  const title = text('title');
  if (title === undefined) throw new DataError(file, 'front matter field "title" is missing');
  const id = text('id');
  if (id !== undefined && !ARTICLE_ID.test(id)) {
    throw new DataError(
      file,
      `front matter field "id" must be lowercase letters, digits and "-", starting with a letter or digit (got "${id}")`,
    );
  }
  const url = text('url');
  if (url !== undefined && !isHttpUrl(url)) {
    throw new DataError(
      file,
      `front matter field "url" must be an http:// or https:// address (got "${url}")`,
    );
  }
  const date = text('date');
  if (date !== undefined && !isIsoDate(date)) {
    throw new DataError(file, `front matter field "date" must be a date written YYYY-MM-DD (got "${date}")`);
  }
  return {
    title,
    ...(id !== undefined ? { id } : {}),
    ...optional('publisher', text('publisher')),
    ...(url !== undefined ? { url } : {}),
    ...(date !== undefined ? { date } : {}),
    ...optional('author', text('author')),
    ...optional('questions', questionList(fields['questions'], file)),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function questionList(value: unknown, file: string): readonly string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    throw new DataError(
      file,
      `front matter field "questions" must be a list ("  - question" lines), got ${describe(value)}`,
    );
  }
  return value.map((item: unknown, index) => {
    if (typeof item !== 'string' || item.trim() === '') {
      throw new DataError(
        file,
        `front matter field "questions" item ${index + 1} must be non-empty text, got ${describe(item)}`,
      );
    }
    return item.trim();
  });
}

function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value.trim() === '' ? 'empty text' : 'text';
  return `a ${typeof value}`;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// ---------------------------------------------------------------------------------------------------------
// aliases.json: {"groups": [["ban", "blacklist"], ...], "regions": [{"names": ["Asia", "Asian"],
// "members": ["Japan", ...]}, ...]}. "regions" is optional; other top-level keys (e.g. "about") are allowed.

function parseAliases(raw: string, file: string): AliasTable {
  let data: unknown;
  try {
    data = JSON.parse(normaliseSource(raw));
  } catch (error) {
    throw new DataError(file, `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const shape = 'expected {"groups": [["ban", "blacklist"], ...]}';
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('groups' in data)) {
    throw new DataError(file, `missing "groups": ${shape}`);
  }
  const groups: unknown = data.groups;
  if (!Array.isArray(groups)) throw new DataError(file, `"groups" must be a list: ${shape}`);
  const parsed = groups.map((group: unknown, index) => {
    if (!isNameList(group, 2)) {
      throw new DataError(file, `groups[${index}] must be a list of at least two non-empty strings`);
    }
    return group.map((term) => term.trim());
  });
  if (!('regions' in data) || data.regions === undefined) return { groups: parsed };
  return { groups: parsed, regions: parseRegions(data.regions, parsed, file) };
}

function isNameList(value: unknown, least: number): value is string[] {
  return (
    Array.isArray(value) &&
    value.length >= least &&
    value.every((term: unknown) => typeof term === 'string' && term.trim() !== '')
  );
}

function parseRegions(regions: unknown, groups: readonly (readonly string[])[], file: string): Region[] {
  const shape = 'expected [{"names": ["Asia", "Asian"], "members": ["Japan", "India"]}, ...]';
  if (!Array.isArray(regions)) throw new DataError(file, `"regions" must be a list: ${shape}`);
  const heads = new Set(groups.map((group) => group[0]));
  return regions.map((region: unknown, index) => {
    const at = `regions[${index}]`;
    if (typeof region !== 'object' || region === null || Array.isArray(region))
      throw new DataError(file, `${at} must be an object: ${shape}`);
    const { names, members } = region as { names?: unknown; members?: unknown };
    if (!isNameList(names, 1))
      throw new DataError(file, `${at}.names must be a list of at least one non-empty string`);
    if (!isNameList(members, 1))
      throw new DataError(file, `${at}.members must be a list of at least one non-empty string`);
    const trimmed = members.map((member) => member.trim());
    const unknown = trimmed.findIndex((member) => !heads.has(member));
    if (unknown >= 0)
      throw new DataError(
        file,
        `${at}.members[${unknown}] "${trimmed[unknown] ?? ''}" is not the first name of any group; list the country's group first`,
      );
    return { names: names.map((name) => name.trim()), members: trimmed };
  });
}
