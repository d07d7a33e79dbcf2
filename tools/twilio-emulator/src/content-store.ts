import { nowSeconds } from './dates';
import { isRecord } from './http-utils';
import { isSid, newSid } from './ids';
import {
  APPROVAL_STATUSES,
  CONTENT_TYPE_KEYS,
  WHATSAPP_CATEGORIES,
  type ApprovalChange,
  type ApprovalStatus,
  type SeedContentInput,
  type StoredContent,
  type WhatsAppApproval,
} from './content-types';
import { invalidParameter, TwilioApiError } from './twilio-error';

const unsubmitted = (): WhatsAppApproval => ({
  name: '',
  category: '',
  status: 'unsubmitted',
  rejectionReason: '',
  allowCategoryChange: true,
});

const readStringMap = (value: unknown, name: string): Record<string, string> => {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw invalidParameter(`${name} must be an object of strings`);
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw invalidParameter(`${name}.${key} must be a string`);
    out[key] = entry;
  }
  return out;
};

const readTypes = (value: unknown): Record<string, Record<string, unknown>> => {
  if (!isRecord(value) || Object.keys(value).length === 0) {
    throw invalidParameter('types is required and must name at least one content type');
  }
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (!(CONTENT_TYPE_KEYS as readonly string[]).includes(key)) throw invalidParameter(`Unknown content type ${key}`);
    if (!isRecord(entry)) throw invalidParameter(`types.${key} must be an object`);
    if (key === 'twilio/text' && typeof entry.body !== 'string') {
      throw invalidParameter('types.twilio/text.body is required');
    }
    out[key] = entry;
  }
  return out;
};

export const isApprovalStatus = (value: unknown): value is ApprovalStatus =>
  typeof value === 'string' && (APPROVAL_STATUSES as readonly string[]).includes(value);

export class ContentStore {
  private readonly bySid = new Map<string, StoredContent>();
  private seq = 0;

  constructor(private readonly accountSid: string) {}

  /** `POST /v1/Content`: the JSON body Twilio documents (snake_case keys). */
  createFromApi(body: unknown): StoredContent {
    if (!isRecord(body)) throw invalidParameter('Request body must be a JSON object');
    if (typeof body.language !== 'string' || body.language === '') throw invalidParameter('language is required');
    if (body.friendly_name !== undefined && typeof body.friendly_name !== 'string') {
      throw invalidParameter('friendly_name must be a string');
    }
    return this.insert({
      friendlyName: typeof body.friendly_name === 'string' ? body.friendly_name : '',
      language: body.language,
      variables: readStringMap(body.variables, 'variables'),
      types: readTypes(body.types),
    });
  }

  seed(input: SeedContentInput): StoredContent {
    if (input.sid !== undefined && !isSid(input.sid, 'HX')) throw new TypeError('sid must look like HX + 32 hex digits');
    const types = input.types ?? { 'twilio/text': { body: input.body ?? '' } };
    const approval = typeof input.approval === 'string' ? { status: input.approval } : input.approval;
    if (approval && !isApprovalStatus(approval.status)) throw new TypeError(`unknown approval status ${String(approval.status)}`);
    const created = input.dateCreated ? new Date(input.dateCreated) : undefined;
    if (created && Number.isNaN(created.getTime())) throw new TypeError('dateCreated must be a date');
    const content = this.insert({
      sid: input.sid,
      friendlyName: input.friendlyName ?? '',
      language: input.language ?? 'en',
      variables: readStringMap(input.variables, 'variables'),
      types: readTypes(types),
      dateCreated: created,
    });
    if (approval && approval.status !== 'unsubmitted') {
      content.approval = {
        name: approval.name ?? (content.friendlyName || content.sid.toLowerCase()),
        category: approval.category ?? 'UTILITY',
        status: approval.status,
        rejectionReason: approval.rejectionReason ?? (approval.status === 'rejected' ? 'INVALID_FORMAT' : ''),
        allowCategoryChange: true,
      };
    }
    return content;
  }

  private insert(fields: {
    sid?: string;
    friendlyName: string;
    language: string;
    variables: Record<string, string>;
    types: Record<string, Record<string, unknown>>;
    dateCreated?: Date;
  }): StoredContent {
    const created = fields.dateCreated ?? nowSeconds();
    this.seq += 1;
    const content: StoredContent = {
      sid: fields.sid ?? newSid('HX'),
      accountSid: this.accountSid,
      friendlyName: fields.friendlyName,
      language: fields.language,
      variables: fields.variables,
      types: fields.types,
      dateCreated: created,
      dateUpdated: created,
      seq: this.seq,
      approval: unsubmitted(),
    };
    this.bySid.set(content.sid, content);
    return content;
  }

  get(sid: string): StoredContent | undefined {
    return this.bySid.get(sid);
  }

  delete(sid: string): boolean {
    return this.bySid.delete(sid);
  }

  clear(): void {
    this.bySid.clear();
  }

  /** Newest first. */
  list(): StoredContent[] {
    return [...this.bySid.values()].sort(
      (a, b) => b.dateCreated.getTime() - a.dateCreated.getTime() || b.seq - a.seq,
    );
  }

  /** `POST /v1/Content/{sid}/ApprovalRequests/whatsapp`. */
  submitForApproval(content: StoredContent, body: unknown): StoredContent {
    if (!isRecord(body)) throw invalidParameter('Request body must be a JSON object');
    const { name, category } = body;
    if (typeof name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(name)) {
      throw invalidParameter('name is required and may only contain lowercase letters, digits and underscores');
    }
    if (typeof category !== 'string' || !(WHATSAPP_CATEGORIES as readonly string[]).includes(category.toUpperCase())) {
      throw invalidParameter(`category must be one of ${WHATSAPP_CATEGORIES.join(', ')}`);
    }
    if (['received', 'pending', 'approved'].includes(content.approval.status)) {
      throw new TwilioApiError(400, 20001, `Content ${content.sid} already has a WhatsApp approval request (${content.approval.status})`);
    }
    content.approval = {
      name,
      category: category.toUpperCase(),
      status: 'received',
      rejectionReason: '',
      allowCategoryChange: body.allow_category_change !== false,
    };
    content.dateUpdated = nowSeconds();
    return content;
  }

  setApproval(content: StoredContent, change: ApprovalChange): StoredContent {
    if (!isApprovalStatus(change.status)) throw new TypeError(`unknown approval status ${String(change.status)}`);
    content.dateUpdated = nowSeconds();
    if (change.status === 'unsubmitted') {
      content.approval = unsubmitted();
      return content;
    }
    content.approval = {
      ...content.approval,
      name: change.name ?? (content.approval.name || content.friendlyName || content.sid.toLowerCase()),
      category: change.category ?? (content.approval.category || 'UTILITY'),
      status: change.status,
      rejectionReason: change.status === 'rejected' ? (change.rejectionReason ?? 'INVALID_FORMAT') : '',
    };
    return content;
  }
}
