import { Badge } from '@strapi/design-system';
import type { AdminTemplateView } from '../../../api/templates';
import { useTranslate } from '../../../utils/useTranslate';

type Status = AdminTemplateView['approvalStatus'];

/** Meta's approval status as Twilio reports it; `draft` is ours (not at Twilio yet). */
const STATUSES: Record<Status, { label: string; variant: 'neutral' | 'secondary' | 'warning' | 'success' | 'danger' }> = {
  draft: { label: 'Draft', variant: 'neutral' },
  unsubmitted: { label: 'Not submitted', variant: 'neutral' },
  received: { label: 'Received', variant: 'secondary' },
  pending: { label: 'Pending approval', variant: 'warning' },
  approved: { label: 'Approved', variant: 'success' },
  rejected: { label: 'Rejected', variant: 'danger' },
  paused: { label: 'Paused', variant: 'warning' },
  disabled: { label: 'Disabled', variant: 'danger' },
};

export const TemplateStatusBadge = ({ template }: { template: Pick<AdminTemplateView, 'approvalStatus' | 'deletedAtTwilio'> }) => {
  const t = useTranslate();
  if (template.deletedAtTwilio) return <Badge variant="danger">{t('templates.status.deleted', 'Deleted at Twilio')}</Badge>;
  const status = STATUSES[template.approvalStatus] ?? { label: template.approvalStatus, variant: 'neutral' };
  return <Badge variant={status.variant}>{t(`templates.status.${template.approvalStatus}`, status.label)}</Badge>;
};
