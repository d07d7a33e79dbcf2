/** The statuses Twilio reports for a message we sent: the only ones that move an outbound message. */
export const OUTBOUND_STATUSES = [
  'accepted',
  'scheduled',
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  'failed',
  'undelivered',
  'canceled',
] as const;

/** Message statuses. `pending` is ours: accepted by us, not yet by Twilio. */
export const MESSAGE_STATUSES = ['pending', ...OUTBOUND_STATUSES, 'received'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_DIRECTIONS = ['inbound', 'outbound'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export const OPT_IN_STATES = ['unknown', 'opted_in', 'opted_out'] as const;
export type OptInState = (typeof OPT_IN_STATES)[number];

export const CONVERSATION_STATUSES = ['open', 'archived'] as const;

export const TEMPLATE_APPROVAL_STATUSES = [
  'draft',
  'unsubmitted',
  'received',
  'pending',
  'approved',
  'rejected',
  'paused',
  'disabled',
] as const;
export type TemplateApprovalStatus = (typeof TEMPLATE_APPROVAL_STATUSES)[number];

/** WhatsApp template categories as Meta and Twilio spell them. */
export const TEMPLATE_CATEGORIES = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;

export const CAMPAIGN_STATES = ['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

/** States in which Meta has a decision to make or has made one: another request is refused. */
export const ACTIVE_APPROVAL_STATUSES: readonly TemplateApprovalStatus[] = ['received', 'pending', 'approved'];
