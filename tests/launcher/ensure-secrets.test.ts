import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { ensureSecrets, SECRET_NAMES } from '../../scripts/ensure-secrets';
import { makeTempDir, removeDir } from './helpers';

describe('ensureSecrets', () => {
  let appRoot: string;
  let printed: string[];
  const print = (line: string) => printed.push(line);
  beforeEach(() => {
    appRoot = makeTempDir('secrets-test');
    printed = [];
  });
  afterEach(() => removeDir(appRoot));

  it('generates every missing secret into a new 0600 .env, once', () => {
    const generated = ensureSecrets(appRoot, {}, print);
    const envFile = path.join(appRoot, '.env');

    expect(Object.keys(generated).sort()).toEqual([...SECRET_NAMES].sort());
    expect(fs.statSync(envFile).mode & 0o777).toBe(0o600);
    const saved = parseEnv(fs.readFileSync(envFile, 'utf8'));
    for (const name of SECRET_NAMES) expect(saved[name]).toBe(generated[name]);

    const appKeys = generated.APP_KEYS!.split(',');
    expect(appKeys).toHaveLength(4);
    expect(new Set(appKeys).size).toBe(4);
    for (const key of appKeys) expect(Buffer.from(key, 'base64')).toHaveLength(16);
    expect(Buffer.from(generated.ENCRYPTION_KEY!, 'base64')).toHaveLength(32);

    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(envFile);
    for (const value of Object.values(generated)) expect(printed[0]).not.toContain(value);

    // Second run: nothing new, file untouched.
    const before = fs.readFileSync(envFile, 'utf8');
    expect(ensureSecrets(appRoot, {}, print)).toEqual({});
    expect(fs.readFileSync(envFile, 'utf8')).toBe(before);
    expect(printed).toHaveLength(1);
  });

  it('only appends what neither the environment nor .env provides', () => {
    const envFile = path.join(appRoot, '.env');
    fs.writeFileSync(envFile, 'HOST=0.0.0.0\nAPP_KEYS=a,b,c,d'); // no trailing newline on purpose
    const generated = ensureSecrets(appRoot, { JWT_SECRET: 'from-env' }, print);

    expect(Object.keys(generated).sort()).toEqual(['ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'ENCRYPTION_KEY', 'TRANSFER_TOKEN_SALT']);
    const content = fs.readFileSync(envFile, 'utf8');
    expect(content.startsWith('HOST=0.0.0.0\nAPP_KEYS=a,b,c,d\n')).toBe(true);
    const saved = parseEnv(content);
    expect(saved.APP_KEYS).toBe('a,b,c,d');
    expect(saved.JWT_SECRET).toBeUndefined();
    expect(saved.ENCRYPTION_KEY).toBe(generated.ENCRYPTION_KEY);
  });

  it('treats blank values as missing', () => {
    fs.writeFileSync(path.join(appRoot, '.env'), 'JWT_SECRET=\n');
    const generated = ensureSecrets(appRoot, { APP_KEYS: '  ' }, print);
    expect(generated.JWT_SECRET).toBeTruthy();
    expect(generated.APP_KEYS).toBeTruthy();
  });
});
