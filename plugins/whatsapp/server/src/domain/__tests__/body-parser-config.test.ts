import { describe, expect, it } from '@jest/globals';
import { bodyParserWarning, BODY_CONFIG_SNIPPET } from '../body-parser-config';

describe('bodyParserWarning', () => {
  it('is silent when strapi::body keeps the raw body', () => {
    expect(bodyParserWarning(['strapi::logger', { name: 'strapi::body', config: { includeUnparsed: true } }, 'strapi::session'])).toBeNull();
  });

  it.each([
    ['the default entry', ['strapi::logger', 'strapi::body']],
    ['a config without includeUnparsed', [{ name: 'strapi::body', config: { jsonLimit: '1mb' } }]],
    ['includeUnparsed off', [{ name: 'strapi::body', config: { includeUnparsed: false } }]],
    ['an entry without config', [{ name: 'strapi::body' }]],
    ['no middleware list', undefined],
  ])('names the exact entry to put in config/middlewares for %s', (_label, middlewares) => {
    const warning = bodyParserWarning(middlewares);
    expect(warning).toContain('config/middlewares');
    expect(warning).toContain(BODY_CONFIG_SNIPPET);
    expect(BODY_CONFIG_SNIPPET).toBe("{ name: 'strapi::body', config: { includeUnparsed: true } }");
  });
});
