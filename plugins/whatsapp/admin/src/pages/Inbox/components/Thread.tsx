import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Flex, Link, Loader, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { isNote, type InboxMessage, type ThreadItem } from '../../../api/inbox';
import { getTranslation } from '../../../utils/getTranslation';
import { MessageStatus } from '../../../components/MessageStatus';
import { SentBy } from '../../../components/SentBy';
import { NoteBubble } from './NoteBubble';

type Props = {
  /** Messages and staff notes, oldest first. */
  messages: ThreadItem[] | undefined;
  isLoading: boolean;
  canRetry: boolean;
  retryingId: string | null;
  onRetry(id: string): void;
};

const FAILED = new Set(['failed', 'undelivered']);

const Media = ({ media }: { media: NonNullable<InboxMessage['media']> }) => (
  <Flex direction="column" alignItems="stretch" gap={1} paddingBottom={1}>
    {media.map((item) =>
      item.contentType?.startsWith('image/') ? (
        <a key={item.url} href={item.url} target="_blank" rel="noreferrer">
          <img src={item.url} alt="" style={{ maxWidth: '24rem', maxHeight: '24rem', borderRadius: 4, display: 'block' }} />
        </a>
      ) : (
        <Link key={item.url} href={item.url} isExternal>
          {item.contentType ?? item.url}
        </Link>
      )
    )}
  </Flex>
);

const Location = ({ location }: { location: NonNullable<InboxMessage['location']> }) => {
  const { formatMessage } = useIntl();
  const where = `${location.latitude},${location.longitude}`;
  return (
    <Box paddingBottom={1}>
      <Link href={`https://www.openstreetmap.org/?mlat=${location.latitude}&mlon=${location.longitude}#map=16/${location.latitude}/${location.longitude}`} isExternal>
        {location.label || location.address || formatMessage({ id: getTranslation('inbox.thread.location'), defaultMessage: 'Location {where}' }, { where })}
      </Link>
    </Box>
  );
};

export const Thread = ({ messages, isLoading, canRetry, retryingId, onRetry }: Props) => {
  const intl = useIntl();
  const { formatMessage } = intl;
  const bottom = useRef<HTMLDivElement>(null);
  const last = messages?.[messages.length - 1];
  const lastId = last ? (isNote(last) ? `note-${last.id}` : last.documentId) : undefined;

  // Follow the conversation: a new message scrolls into view.
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [lastId]);

  if (isLoading) {
    return (
      <Flex justifyContent="center" padding={8}>
        <Loader small>{formatMessage({ id: getTranslation('inbox.loading'), defaultMessage: 'Loading…' })}</Loader>
      </Flex>
    );
  }
  if (!messages || messages.length === 0) {
    return (
      <Flex justifyContent="center" padding={8}>
        <Typography textColor="neutral600">
          {formatMessage({ id: getTranslation('inbox.thread.empty'), defaultMessage: 'No messages in this conversation yet.' })}
        </Typography>
      </Flex>
    );
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={3} padding={4}>
      {messages.map((message) => {
        if (isNote(message)) return <NoteBubble key={`note-${message.id}`} note={message} />;
        const outbound = message.direction === 'outbound';
        const failed = FAILED.has(message.status);
        return (
          <Flex key={message.documentId} justifyContent={outbound ? 'flex-end' : 'flex-start'}>
            <Box
              background={outbound ? (failed ? 'danger100' : 'primary100') : 'neutral0'}
              borderColor={outbound ? (failed ? 'danger200' : 'primary200') : 'neutral200'}
              hasRadius
              shadow="filterShadow"
              padding={3}
              maxWidth="70%"
              style={{ borderWidth: 1, borderStyle: 'solid' }}
            >
              {message.media && message.media.length > 0 && <Media media={message.media} />}
              {message.location && <Location location={message.location} />}
              {message.template && (
                <Typography tag="p" variant="pi" textColor="neutral600" fontWeight="bold">
                  {formatMessage({ id: getTranslation('inbox.thread.template'), defaultMessage: 'Template {name}' }, { name: message.template.name })}
                </Typography>
              )}
              {message.body && (
                <Typography tag="p" variant="omega" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {message.body}
                </Typography>
              )}
              {outbound && <SentBy actor={message.actor} />}
              <Flex justifyContent="flex-end" gap={2} paddingTop={1}>
                <Typography variant="pi" textColor="neutral500" title={new Date(message.createdAt).toLocaleString()}>
                  {intl.formatTime(message.createdAt)}
                </Typography>
                {outbound && <MessageStatus status={message.status} />}
              </Flex>
              {outbound && failed && (
                <Flex direction="column" alignItems="flex-end" gap={2} paddingTop={2}>
                  {message.errorDescription && (
                    <Typography variant="pi" textColor="danger700">
                      {message.errorDescription}
                    </Typography>
                  )}
                  {canRetry && (
                    <Button
                      size="S"
                      variant="danger-light"
                      startIcon={<ArrowClockwise />}
                      loading={retryingId === message.documentId}
                      onClick={() => onRetry(message.documentId)}
                    >
                      {formatMessage({ id: getTranslation('inbox.thread.retry'), defaultMessage: 'Retry' })}
                    </Button>
                  )}
                </Flex>
              )}
            </Box>
          </Flex>
        );
      })}
      <div ref={bottom} />
    </Flex>
  );
};
