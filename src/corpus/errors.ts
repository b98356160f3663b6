/**
 * Every problem with a data file is a DataError whose message names the file and, where there is one,
 * the field or line, so a maintainer can fix it without reading code:
 *   data error: data/huawei.md: front matter field "title" is missing
 */
export class DataError extends Error {
  override readonly name = 'DataError';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`data error: ${file}: ${problem}`);
  }
}
