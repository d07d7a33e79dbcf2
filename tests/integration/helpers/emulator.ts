import { ctx } from './api';

/** The Twilio emulator's HTTP control API (`/__emulator/*`, see tools/twilio-emulator/README.md). */
export const emulatorControl = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
  const response = await fetch(`${ctx.emulatorUrl}/__emulator${path}`, {
    method: init.method ?? 'GET',
    ...(init.body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`emulator ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
};
