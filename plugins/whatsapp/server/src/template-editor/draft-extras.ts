/** A draft's header media and quick replies, kept in `twilioTypes` until it is created at Twilio. Pure. */
import { buildContentTypes, type ContentExtras } from '../domain/content-api';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `types` the draft will be created with at Twilio, or null for plain text. */
export const typesForDraft = (body: string, extras: ContentExtras): Record<string, Record<string, unknown>> | null =>
  extras.media?.length || extras.quickReplies?.length ? buildContentTypes(body, extras) : null;

/** Media and quick replies out of Twilio-shaped `types` (a draft's, or what Twilio holds). */
export const extrasFromTypes = (types: unknown): ContentExtras => {
  if (!isRecord(types)) return {};
  const quick = types['twilio/quick-reply'];
  if (isRecord(quick) && Array.isArray(quick.actions)) {
    const quickReplies = quick.actions
      .filter(isRecord)
      .map((action) => ({ title: String(action.title ?? ''), ...(typeof action.id === 'string' ? { id: action.id } : {}) }))
      .filter((action) => action.title !== '');
    if (quickReplies.length > 0) return { quickReplies };
  }
  const media = types['twilio/media'];
  if (isRecord(media) && Array.isArray(media.media)) {
    const urls = media.media.filter((url): url is string => typeof url === 'string');
    if (urls.length > 0) return { media: urls };
  }
  return {};
};
