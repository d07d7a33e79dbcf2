import { Typography } from '@strapi/design-system';
import type { ReplyPlan } from '../../../api/inbox';
import { useFormatDateTime, useTranslate } from '../../../utils/useTranslate';

/**
 * The thread header's second line: the window with the sender the next message will use
 * (not necessarily the conversation's), and which sender that is when it is not the conversation's.
 */
export const WindowLine = ({ phone, plan }: { phone: string | null; plan: ReplyPlan | undefined }) => {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  if (!plan) return null;
  const window = plan.window.open
    ? t('inbox.window.open', 'Reply window open until {time}', { time: formatDateTime(plan.window.expiresAt) })
    : t('inbox.window.closed', 'Reply window closed');
  return (
    <>
      <Typography variant="pi" textColor="neutral600" tag="p">
        {phone ? `${phone} · ` : ''}
        {plan.senderIsOurs
          ? t('inbox.window.from', '{window} · from {sender}', { window, sender: plan.conversationSender })
          : t('inbox.window.next', 'Next message from {sender}: {window}', { window, sender: plan.nextSender ?? '—' })}
      </Typography>
      {!plan.senderIsOurs && (
        <Typography variant="pi" textColor="warning600" tag="p">
          {t('inbox.sender.old', 'This conversation is with {sender}, a number you no longer send from.', { sender: plan.conversationSender })}
        </Typography>
      )}
    </>
  );
};
