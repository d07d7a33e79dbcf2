import { publicUrlRules } from '../public-url-rules';

const real = { emulator: false, production: false };
const states = (base: string, options = real) => publicUrlRules(base, options).findings.map((finding) => finding.state);

describe('publicUrlRules', () => {
  it('accepts a public HTTPS address', () => {
    expect(publicUrlRules('https://cms.example.com', real)).toEqual({
      findings: [{ state: 'ok', text: 'WHATSAPP_PUBLIC_URL is https://cms.example.com.', fix: null }],
      probeable: true,
    });
  });

  it('warns about http outside production and fails it in production', () => {
    expect(states('http://cms.example.com')).toEqual(['warning']);
    expect(states('http://cms.example.com', { emulator: false, production: true })).toEqual(['failing']);
  });

  it('fails private and loopback addresses Twilio cannot reach', () => {
    for (const base of ['https://localhost:1337', 'https://127.0.0.1', 'https://10.1.2.3', 'https://192.168.0.10', 'https://172.20.0.5', 'https://cms.local', 'https://[::1]:1337']) {
      expect(states(base)).toEqual(['failing']);
    }
    expect(states('https://172.32.0.5')).toEqual(['ok']);
    expect(states('http://localhost:1337')).toEqual(['warning', 'failing']);
  });

  it('takes http on this machine for granted with the emulator', () => {
    expect(states('http://127.0.0.1:1337', { emulator: true, production: true })).toEqual(['ok']);
  });

  it('does not probe what is not an http(s) URL', () => {
    expect(publicUrlRules('cms.example.com', real)).toMatchObject({ findings: [{ state: 'failing' }], probeable: false });
    expect(publicUrlRules('ftp://cms.example.com', real)).toMatchObject({ findings: [{ state: 'failing' }], probeable: false });
  });
});
