export type ApprovalStatus = 'unsubmitted' | 'received' | 'pending' | 'approved' | 'rejected' | 'paused' | 'disabled';

export const APPROVAL_STATUSES: readonly ApprovalStatus[] = [
  'unsubmitted',
  'received',
  'pending',
  'approved',
  'rejected',
  'paused',
  'disabled',
];

export const WHATSAPP_CATEGORIES = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;

/** Content types the Content API accepts in `types`. */
export const CONTENT_TYPE_KEYS = [
  'twilio/text',
  'twilio/media',
  'twilio/location',
  'twilio/list-picker',
  'twilio/call-to-action',
  'twilio/quick-reply',
  'twilio/card',
  'twilio/catalog',
  'twilio/carousel',
  'twilio/flows',
  'twilio/schedule',
  'whatsapp/card',
  'whatsapp/authentication',
  'whatsapp/flows',
] as const;

export interface WhatsAppApproval {
  name: string;
  category: string;
  status: ApprovalStatus;
  rejectionReason: string;
  allowCategoryChange: boolean;
}

export interface StoredContent {
  sid: string;
  accountSid: string;
  friendlyName: string;
  language: string;
  variables: Record<string, string>;
  types: Record<string, Record<string, unknown>>;
  dateCreated: Date;
  dateUpdated: Date;
  seq: number;
  approval: WhatsAppApproval;
}

/** Control-API input to put a template in place with a given approval state. */
export interface SeedContentInput {
  sid?: string;
  friendlyName?: string;
  language?: string;
  /** Shorthand for `types: { 'twilio/text': { body } }`. */
  body?: string;
  types?: Record<string, Record<string, unknown>>;
  variables?: Record<string, string>;
  approval?:
    | ApprovalStatus
    | { status: ApprovalStatus; name?: string; category?: string; rejectionReason?: string };
  dateCreated?: string;
}

export interface ApprovalChange {
  status: ApprovalStatus;
  rejectionReason?: string;
  name?: string;
  category?: string;
}

/** JSON-friendly view of a template, returned by the control API. */
export interface EmulatedContent {
  sid: string;
  friendlyName: string;
  language: string;
  variables: Record<string, string>;
  types: Record<string, Record<string, unknown>>;
  approval: WhatsAppApproval;
  dateCreated: string;
  dateUpdated: string;
}
