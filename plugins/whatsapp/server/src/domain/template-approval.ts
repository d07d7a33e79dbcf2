/**
 * Whether a template may be sent (one message or a campaign). Pure; the send and campaign
 * paths call it through templates/approval.ts, which answers 422 TEMPLATE_NOT_APPROVED.
 */
import { describeRejectionReason } from './content-api';

export type TemplateUnusableReason =
  | 'not_submitted'
  | 'awaiting_approval'
  | 'rejected'
  | 'paused'
  | 'disabled'
  | 'deleted_at_twilio';

export type ApprovalCheckInput = {
  name?: string | null;
  approvalStatus?: string | null;
  contentSid?: string | null;
  rejectionReason?: string | null;
  deletedAtTwilio?: string | Date | null;
};

export type TemplateUsability =
  | { usable: true; contentSid: string }
  | { usable: false; reason: TemplateUnusableReason; message: string };

const label = (template: ApprovalCheckInput) => (template.name ? `Template "${template.name}"` : 'The template');

/**
 * Only a template Meta approved, that Twilio still holds, can be sent. WhatsApp refuses the rest,
 * but only after Twilio has accepted the message (a later `failed`), so we refuse up front.
 */
export const checkTemplateUsable = (template: ApprovalCheckInput): TemplateUsability => {
  const who = label(template);
  if (template.deletedAtTwilio) {
    return { usable: false, reason: 'deleted_at_twilio', message: `${who} was deleted at Twilio and can no longer be sent` };
  }
  const status = template.approvalStatus ?? 'draft';
  if (!template.contentSid || status === 'draft' || status === 'unsubmitted') {
    return {
      usable: false,
      reason: 'not_submitted',
      message: `${who} has not been submitted for WhatsApp approval yet`,
    };
  }
  switch (status) {
    case 'approved':
      return { usable: true, contentSid: template.contentSid };
    case 'received':
    case 'pending':
      return { usable: false, reason: 'awaiting_approval', message: `${who} is waiting for WhatsApp approval (${status})` };
    case 'rejected': {
      const why = describeRejectionReason(template.rejectionReason);
      return { usable: false, reason: 'rejected', message: `${who} was rejected by WhatsApp${why ? `: ${why}` : ''}` };
    }
    case 'paused':
      return { usable: false, reason: 'paused', message: `${who} is paused by WhatsApp (too much negative feedback)` };
    case 'disabled':
      return { usable: false, reason: 'disabled', message: `${who} is disabled by WhatsApp` };
    default:
      return { usable: false, reason: 'awaiting_approval', message: `${who} is not approved (${status})` };
  }
};
