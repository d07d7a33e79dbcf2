import { describeDifferences, urlDifferences } from '../url-mismatch';

describe('urlDifferences', () => {
  it('finds nothing between equal URLs, the default port written or not, a trailing slash or not', () => {
    expect(urlDifferences('https://cms.example.com/api/whatsapp/webhook', 'https://cms.example.com:443/api/whatsapp/webhook/')).toEqual([]);
  });

  it('names each part that differs', () => {
    expect(urlDifferences('https://cms.example.com/api/whatsapp/webhook', 'http://localhost:1337/hooks?x=1')).toEqual([
      { part: 'scheme', expected: 'https', actual: 'http' },
      { part: 'host', expected: 'cms.example.com', actual: 'localhost' },
      { part: 'port', expected: '443', actual: '1337' },
      { part: 'path', expected: '/api/whatsapp/webhook', actual: '/hooks' },
      { part: 'query', expected: '', actual: '?x=1' },
    ]);
  });

  it('treats a URL that does not parse as different as a whole', () => {
    expect(urlDifferences('https://a.example.com/x', 'not a url')).toEqual([{ part: 'path', expected: 'https://a.example.com/x', actual: 'not a url' }]);
  });

  it('says it in words', () => {
    expect(describeDifferences(urlDifferences('https://a.example.com/x', 'https://b.example.com/x'), { expected: 'Twilio', actual: 'app' })).toBe(
      'the host differs (Twilio: a.example.com, app: b.example.com)'
    );
  });
});
