import fs from 'node:fs';
import path from 'node:path';

/**
 * Every message the admin panel shows has its key in translations/en.json with the same English
 * text as its inline default, and en.json holds no key nothing uses: the file is what a
 * translator copies, so it must be complete and exact.
 */
const ADMIN_SRC = path.resolve(__dirname, '..');
const EN = JSON.parse(fs.readFileSync(path.join(ADMIN_SRC, 'translations/en.json'), 'utf8')) as Record<string, string>;

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });

/** A quoted literal without interpolation: '…', "…" or `…`. */
const LITERAL = String.raw`'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\`[^\`$]*\``;
const unquote = (literal: string) => literal.slice(1, -1).replace(/\\(.)/g, '$1');

/** `formatMessage({ id: getTranslation('key'), defaultMessage: '…' })` and `intlLabel`s alike. */
const WITH_GET_TRANSLATION = new RegExp(String.raw`getTranslation\(\s*(${LITERAL})\s*\)\s*,\s*defaultMessage:\s*(${LITERAL})?`, 'g');
/** `t('key', '…')` from useTranslate. */
const WITH_T = new RegExp(String.raw`\bt\(\s*(${LITERAL})\s*,\s*(${LITERAL})?`, 'g');
/** Keys built at run time, e.g. t(`campaigns.state.${state}`, …): a pattern over en.json keys. */
const DYNAMIC = /(?:getTranslation|\bt)\(\s*`([^`]*\$\{[^`]*)`/g;

type Use = { file: string; key: string; defaultMessage: string | null };

const scan = () => {
  const uses: Use[] = [];
  const patterns: Array<{ file: string; template: string; regex: RegExp }> = [];
  for (const file of sourceFiles(ADMIN_SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    const name = path.relative(ADMIN_SRC, file);
    for (const regex of [WITH_GET_TRANSLATION, WITH_T]) {
      for (const match of text.matchAll(regex)) {
        if (match[1]!.startsWith('`') && match[1]!.includes('${')) continue;
        uses.push({ file: name, key: unquote(match[1]!), defaultMessage: match[2] ? unquote(match[2]) : null });
      }
    }
    for (const match of text.matchAll(DYNAMIC)) {
      const source = match[1]!
        .split(/\$\{[^}]*\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^.]+');
      patterns.push({ file: name, template: match[1]!, regex: new RegExp(`^${source}$`) });
    }
  }
  return { uses, patterns };
};

describe('admin translations (en.json)', () => {
  const { uses, patterns } = scan();

  it('finds the messages it checks', () => {
    // A scanner that stopped matching would pass everything below.
    expect(uses.length).toBeGreaterThan(100);
    expect(patterns.length).toBeGreaterThan(5);
  });

  it('has every literal key, with its inline default as the text', () => {
    expect(uses.filter((use) => use.defaultMessage === null).map((use) => `${use.file}: ${use.key} has no literal default`)).toEqual([]);
    const missing = uses.filter((use) => !(use.key in EN)).map((use) => `${use.file}: ${use.key}`);
    expect(missing).toEqual([]);
    const different = uses
      .filter((use) => use.key in EN && use.defaultMessage !== null && EN[use.key] !== use.defaultMessage)
      .map((use) => `${use.file}: ${use.key}: en.json "${EN[use.key]}" vs default "${use.defaultMessage}"`);
    expect(different).toEqual([]);
  });

  it('gives every key built at run time at least one entry', () => {
    const keys = Object.keys(EN);
    const unmatched = patterns.filter((pattern) => !keys.some((key) => pattern.regex.test(key))).map((p) => `${p.file}: ${p.template}`);
    expect(unmatched).toEqual([]);
  });

  it('holds no key that nothing uses', () => {
    const literal = new Set(uses.map((use) => use.key));
    const unused = Object.keys(EN).filter((key) => !literal.has(key) && !patterns.some((pattern) => pattern.regex.test(key)));
    expect(unused).toEqual([]);
  });
});
