/** Where two URLs differ, part by part, in words. Pure, no Strapi imports. */

export type UrlPart = 'scheme' | 'host' | 'port' | 'path' | 'query';

export type UrlDifference = { part: UrlPart; expected: string; actual: string };

const DEFAULT_PORT: Record<string, string> = { 'http:': '80', 'https:': '443' };

const partsOf = (url: URL): Record<UrlPart, string> => ({
  scheme: url.protocol.replace(/:$/, ''),
  host: url.hostname,
  port: url.port || DEFAULT_PORT[url.protocol] || '',
  path: url.pathname.replace(/\/+$/, '') || '/',
  query: url.search,
});

/**
 * The parts in which `actual` differs from `expected` (scheme, host, port — the default port of
 * the scheme counts as written —, path, query). A URL that does not parse differs as a whole.
 */
export const urlDifferences = (expected: string, actual: string): UrlDifference[] => {
  let left: URL;
  let right: URL;
  try {
    left = new URL(expected);
    right = new URL(actual);
  } catch {
    return expected === actual ? [] : [{ part: 'path', expected, actual }];
  }
  const a = partsOf(left);
  const b = partsOf(right);
  return (Object.keys(a) as UrlPart[]).filter((part) => a[part] !== b[part]).map((part) => ({ part, expected: a[part], actual: b[part] }));
};

/** "the host differs (cms.example.com vs localhost) and the port differs (443 vs 1337)". */
export const describeDifferences = (differences: UrlDifference[], labels: { expected: string; actual: string }): string =>
  differences
    .map(({ part, expected, actual }) => `the ${part} differs (${labels.expected}: ${expected || '(none)'}, ${labels.actual}: ${actual || '(none)'})`)
    .join('; ');
