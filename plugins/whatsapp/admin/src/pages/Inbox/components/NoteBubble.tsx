import { useIntl } from 'react-intl';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Lock } from '@strapi/icons';
import type { ConversationNote } from '../../../../../shared/team-inbox';
import { useTranslate } from '../../../utils/useTranslate';

/** A staff note in the thread: full width, warning colours and a lock, so nobody takes it for a message the candidate saw. */
export const NoteBubble = ({ note }: { note: ConversationNote }) => {
  const intl = useIntl();
  const t = useTranslate();
  return (
    <Box
      data-testid="thread-note"
      background="warning100"
      borderColor="warning200"
      hasRadius
      padding={3}
      marginLeft={8}
      marginRight={8}
      style={{ borderWidth: 1, borderStyle: 'dashed' }}
    >
      <Flex gap={2} paddingBottom={1}>
        <Lock width="1.2rem" height="1.2rem" fill="warning600" aria-hidden />
        <Typography variant="pi" fontWeight="bold" textColor="warning700">
          {t('inbox.note.title', 'Internal note by {author}', { author: note.author.name })}
        </Typography>
        <Typography variant="pi" textColor="neutral500" title={new Date(note.createdAt).toLocaleString()}>
          {intl.formatDate(note.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
        </Typography>
      </Flex>
      <Typography tag="p" variant="omega" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {note.body}
      </Typography>
      <Typography variant="pi" textColor="neutral500">
        {t('inbox.note.hint', 'Only staff see this; it is not sent to WhatsApp.')}
      </Typography>
    </Box>
  );
};
