import { SANDBOX_NUMBER } from './inbound';
import { isValidAddress, toWhatsApp } from './phone';
import type { EmulatorConfig } from './types';

export const DEFAULT_CONFIG: EmulatorConfig = {
  autoAdvance: true,
  callbacks: true,
  stepMs: 200,
  inboundWebhookUrl: null,
  approvalStepMs: 0,
  webhookTimeoutMs: 15_000,
  defaultInboundTo: SANDBOX_NUMBER,
  sandboxJoinRequired: false,
};

const BOOLEAN_KEYS = ['autoAdvance', 'callbacks', 'sandboxJoinRequired'] as const;
const NUMBER_KEYS = ['stepMs', 'approvalStepMs', 'webhookTimeoutMs'] as const;

/** Validates a partial config that may come from JSON; unknown keys are refused. */
export const readConfigPatch = (input: unknown): Partial<EmulatorConfig> => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new TypeError('config must be an object');
  const raw = input as Record<string, unknown>;
  const patch: Partial<EmulatorConfig> = {};
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (value === undefined) continue;
    if ((BOOLEAN_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'boolean') throw new TypeError(`${key} must be a boolean`);
      patch[key as (typeof BOOLEAN_KEYS)[number]] = value;
    } else if ((NUMBER_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new TypeError(`${key} must be a number >= 0`);
      patch[key as (typeof NUMBER_KEYS)[number]] = value;
    } else if (key === 'inboundWebhookUrl') {
      if (value !== null && typeof value !== 'string') throw new TypeError('inboundWebhookUrl must be a string or null');
      if (typeof value === 'string') new URL(value);
      patch.inboundWebhookUrl = value === '' ? null : value;
    } else if (key === 'defaultInboundTo') {
      if (typeof value !== 'string' || !isValidAddress(toWhatsApp(value))) throw new TypeError('defaultInboundTo must be an E.164 number');
      patch.defaultInboundTo = toWhatsApp(value);
    } else {
      throw new TypeError(`unknown config key ${key}`);
    }
  }
  return patch;
};
