import { useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Badge, Box, Button, Flex, Searchbar, Typography } from '@strapi/design-system';
import { actionUid } from '../../../../shared/permissions';
import { useConversationsQuery, useInboxLiveUpdates, useMarkRead, useRetryMessage, useSendMessage, useThreadQuery } from '../../api/inbox';
import { getTranslation } from '../../utils/getTranslation';
import { useNotifyError, useQueryErrorNotification } from '../../utils/useApiError';
import { ConversationList, displayName } from './components/ConversationList';
import { Composer } from './components/Composer';
import { ModeAlert } from './components/ModeAlert';
import { Thread } from './components/Thread';

const PERMISSIONS = { send: [{ action: actionUid('messagesSend'), subject: null }] };

export const InboxPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const fail = useNotifyError();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('conversation');
  const [search, setSearch] = useState('');
  const [appliedSearch, setAppliedSearch] = useState('');
  const { allowedActions } = useRBAC(PERMISSIONS);
  const canSend = Boolean(allowedActions.canSend);

  const conversations = useConversationsQuery(appliedSearch);
  const thread = useThreadQuery(selectedId);
  const markRead = useMarkRead();
  const send = useSendMessage();
  const retry = useRetryMessage();

  // Debounced search: the list follows what is typed, not every key.
  useEffect(() => {
    const timer = setTimeout(() => setAppliedSearch(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);

  useQueryErrorNotification(conversations.error);
  useQueryErrorNotification(thread.error);

  const selected = useMemo(
    () =>
      thread.data?.meta.conversation ?? conversations.data?.data.find((conversation) => conversation.documentId === selectedId) ?? null,
    [thread.data, conversations.data, selectedId]
  );

  // Opening a thread reads it; so does a message arriving in the open thread.
  const unread = conversations.data?.data.find((conversation) => conversation.documentId === selectedId)?.unreadCount ?? 0;
  useEffect(() => {
    if (selectedId && unread > 0 && !markRead.isPending) markRead.mutate(selectedId, { onError: fail });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId, unread]);

  const streamState = useInboxLiveUpdates(selectedId);

  const windowOpen = Boolean(selected?.windowExpiresAt && new Date(selected.windowExpiresAt).getTime() > Date.now());

  const onSend = async (body: string) => {
    if (!selected?.candidate) return false;
    try {
      await send.mutateAsync({ candidate: selected.candidate.documentId, body });
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  };

  const onRetry = (id: string) =>
    retry.mutate(id, {
      onError: fail,
      onSuccess: () =>
        toggleNotification({ type: 'success', message: formatMessage({ id: getTranslation('inbox.thread.retried'), defaultMessage: 'Sent again' }) }),
    });

  const title = formatMessage({ id: getTranslation('inbox.title'), defaultMessage: 'Inbox' });

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({ id: getTranslation('inbox.subtitle'), defaultMessage: 'WhatsApp conversations with candidates' })}
        secondaryAction={
          <Badge active={streamState === 'live'}>
            {formatMessage({ id: getTranslation(`inbox.stream.${streamState}`), defaultMessage: streamState })}
          </Badge>
        }
      />
      <Layouts.Content>
        <ModeAlert />
        <Flex
          alignItems="stretch"
          background="neutral0"
          hasRadius
          shadow="tableShadow"
          style={{ height: 'calc(100vh - 32rem)', minHeight: '44rem', overflow: 'hidden' }}
        >
          <Flex direction="column" alignItems="stretch" width="34rem" style={{ flexShrink: 0, borderRight: '1px solid #eaeaef' }}>
            <Box padding={3} borderColor="neutral150" style={{ borderBottomWidth: 1, borderBottomStyle: 'solid' }}>
              <Searchbar
                name="search"
                size="S"
                value={search}
                onChange={(event: { target: { value: string } }) => setSearch(event.target.value)}
                onClear={() => setSearch('')}
                clearLabel={formatMessage({ id: getTranslation('inbox.search.clear'), defaultMessage: 'Clear the search' })}
                placeholder={formatMessage({ id: getTranslation('inbox.search.placeholder'), defaultMessage: 'Search name or phone' })}
              >
                {formatMessage({ id: getTranslation('inbox.search.label'), defaultMessage: 'Search conversations' })}
              </Searchbar>
            </Box>
            <Box style={{ overflowY: 'auto', flex: 1 }}>
              <ConversationList
                conversations={conversations.data?.data}
                isLoading={conversations.isLoading}
                selectedId={selectedId}
                searching={appliedSearch !== ''}
                onSelect={(id) => setParams({ conversation: id })}
              />
              {conversations.hasNextPage && (
                <Flex justifyContent="center" padding={3}>
                  <Button variant="tertiary" size="S" loading={conversations.isFetchingNextPage} onClick={() => void conversations.fetchNextPage()}>
                    {formatMessage({ id: getTranslation('inbox.list.more'), defaultMessage: 'Load more conversations' })}
                  </Button>
                </Flex>
              )}
            </Box>
          </Flex>
          <Flex direction="column" alignItems="stretch" style={{ flex: 1, minWidth: 0 }}>
            {selected ? (
              <>
                <Box padding={4} borderColor="neutral150" style={{ borderBottomWidth: 1, borderBottomStyle: 'solid' }}>
                  <Typography variant="delta" tag="h2" fontWeight="bold">
                    {displayName(selected)}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {selected.candidate?.name ? `${selected.candidate.phone} · ` : ''}
                    {windowOpen
                      ? formatMessage(
                          { id: getTranslation('inbox.window.open'), defaultMessage: 'Reply window open until {time}' },
                          { time: new Date(selected.windowExpiresAt as string).toLocaleString() }
                        )
                      : formatMessage({ id: getTranslation('inbox.window.closed'), defaultMessage: 'Reply window closed' })}
                  </Typography>
                </Box>
                <Box background="neutral100" style={{ flex: 1, overflowY: 'auto' }}>
                  {thread.hasNextPage && (
                    <Flex justifyContent="center" paddingTop={3}>
                      <Button variant="tertiary" size="S" loading={thread.isFetchingNextPage} onClick={() => void thread.fetchNextPage()}>
                        {formatMessage({ id: getTranslation('inbox.thread.older'), defaultMessage: 'Load older messages' })}
                      </Button>
                    </Flex>
                  )}
                  <Thread
                    messages={thread.data?.data}
                    isLoading={thread.isLoading}
                    canRetry={canSend}
                    retryingId={retry.isPending ? (retry.variables ?? null) : null}
                    onRetry={onRetry}
                  />
                </Box>
                <Composer
                  windowOpen={windowOpen}
                  canSend={canSend}
                  optedOut={selected.candidate?.optIn === 'opted_out'}
                  sending={send.isPending}
                  onSend={onSend}
                />
              </>
            ) : (
              <Flex justifyContent="center" alignItems="center" background="neutral100" style={{ flex: 1 }}>
                <Typography textColor="neutral600">
                  {formatMessage({ id: getTranslation('inbox.thread.none'), defaultMessage: 'Choose a conversation to read it.' })}
                </Typography>
              </Flex>
            )}
          </Flex>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
