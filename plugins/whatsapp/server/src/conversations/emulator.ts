import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID, WEBHOOK_ROUTE } from '../constants';
import { parsePhone } from '../domain/phone';
import { conflictError, HttpStatusError } from '../utils/http-error';
import { getService } from '../utils/get-service';
import type { SimulatedInbound } from './validation';
import { conversationsRepository } from './sql';

const notEmulator = () =>
  conflictError('Only available while the app talks to the Twilio emulator', { code: 'NOT_EMULATOR' });

/**
 * Emulator mode only: what a phone would do, done through the emulator's control API (the same
 * host as its Twilio API), so it reaches the app the way Twilio would: signed webhooks.
 */
export const createEmulatorTools = (strapi: Core.Strapi) => {
  const settings = () => getService(strapi, 'settings').getResolved();

  const emulatorSettings = async () => {
    const resolved = await settings();
    if (resolved.mode !== 'emulator') throw notEmulator();
    return resolved;
  };

  const control = async <T>(baseUrl: string, path: string, body: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/__emulator${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(20_000),
      });
    } catch (error) {
      throw new HttpStatusError(502, 'BadGatewayError', `The Twilio emulator did not answer: ${(error as Error).message}`, { code: 'EMULATOR_UNAVAILABLE' });
    }
    const text = await response.text();
    if (!response.ok) {
      throw new HttpStatusError(502, 'BadGatewayError', `The Twilio emulator refused the request (HTTP ${response.status})`, {
        code: 'EMULATOR_UNAVAILABLE',
        emulator: text.slice(0, 300),
      });
    }
    return JSON.parse(text) as T;
  };

  return {
    /** What the Inbox needs to offer the emulator's controls; never a credential. */
    async status() {
      const resolved = await settings();
      return { emulator: resolved.mode === 'emulator', sender: resolved.whatsappNumber ?? null };
    },

    /** Has the emulator post a signed inbound message from `input.from` to our configured sender. */
    async simulateInbound(input: SimulatedInbound) {
      const resolved = await emulatorSettings();
      if (!resolved.whatsappNumber) {
        throw conflictError('Set a WhatsApp number (TWILIO_WHATSAPP_NUMBER) to receive simulated messages', { code: 'NO_SENDER_NUMBER' });
      }
      const from = parsePhone(input.from, resolved.defaultCountry);
      if (!from.ok) {
        throw new errors.ValidationError(from.reason, { errors: [{ path: ['from'], message: from.reason, name: 'ValidationError' }] });
      }
      const result = await control<{ messageSid: string; status: number | null; error: string | null }>(resolved.apiBaseUrl, '/inbound', {
        from: from.e164,
        to: resolved.whatsappNumber,
        // Where Twilio would post it: this app's webhook under its public URL.
        ...(resolved.publicUrl ? { url: `${resolved.publicUrl}/api/${PLUGIN_ID}${WEBHOOK_ROUTE.inbound}` } : {}),
        profileName: input.profileName,
        ...(input.body ? { body: input.body } : {}),
        ...(input.kind === 'media' ? { media: [{ contentType: input.mediaContentType ?? 'image/png' }] } : {}),
        ...(input.kind === 'location'
          ? { latitude: input.latitude, longitude: input.longitude, ...(input.address ? { address: input.address } : {}), ...(input.label ? { label: input.label } : {}) }
          : {}),
      });
      if (result.status !== 200) {
        throw new HttpStatusError(502, 'BadGatewayError', `The webhook answered the emulator with ${result.status ?? result.error ?? 'no answer'}`, {
          code: 'WEBHOOK_FAILED',
        });
      }
      return { messageSid: result.messageSid, from: from.e164, to: resolved.whatsappNumber };
    },

    /**
     * Ends a conversation's window as 24 hours of silence would: at the emulator (free text then
     * fails with 63016, as WhatsApp does) and here (the last inbound moves a day back).
     */
    async closeWindow(conversationDocumentId: string) {
      const resolved = await emulatorSettings();
      const repository = conversationsRepository(strapi);
      const conversation = await repository.conversation(conversationDocumentId);
      if (!conversation) throw new errors.NotFoundError('Conversation not found');
      if (!conversation.candidate) throw conflictError('This conversation has no candidate', { code: 'NO_CANDIDATE' });
      if (conversation.sender.startsWith('+')) {
        await control(resolved.apiBaseUrl, '/windows/close', { sender: conversation.sender, candidate: conversation.candidate.phone });
      }
      await repository.moveWindowOn(conversation.id);
      return { documentId: conversation.documentId };
    },
  };
};
