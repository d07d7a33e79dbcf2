import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Flags that keep Chromium off the network beyond localhost (the machine's network is closed). */
const QUIET_NETWORK = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

const SYSTEM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', ...QUIET_NETWORK];

/** `@sparticuz/chromium` is an ES module, which Jest's CommonJS runtime cannot import: a child Node unpacks it. */
const UNPACK_SHIPPED_CHROMIUM = `
import chromium from '@sparticuz/chromium';
process.stdout.write(JSON.stringify({ executablePath: await chromium.executablePath(), args: chromium.args }));
`;

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH`, else the system's (`/usr/bin/chromium`),
 * else the one shipped inside the `@sparticuz/chromium` npm package, so `npm install && npm test`
 * needs no system package.
 */
export const chromiumLaunchOptions = (): { executablePath: string; args: string[] } => {
  const systemPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(systemPath)) return { executablePath: systemPath, args: SYSTEM_ARGS };
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', UNPACK_SHIPPED_CHROMIUM], {
    cwd: path.resolve(__dirname, '../../..'),
    encoding: 'utf8',
  });
  const shipped = JSON.parse(output) as { executablePath: string; args: string[] };
  // Its --single-process (made for serverless) ends the whole browser when a context closes.
  const args = shipped.args.filter((arg) => arg !== '--single-process');
  return { executablePath: shipped.executablePath, args: [...args, ...QUIET_NETWORK] };
};
