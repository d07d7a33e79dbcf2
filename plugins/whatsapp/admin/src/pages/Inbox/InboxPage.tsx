import { useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Badge, Box, Button, Flex, Searchbar, Typography } from '@strapi/design-system';
import { Clock, Phone, Plus } from '@strapi/icons';
import { actionUid } from '../../../../shared/permissions';
import {
  useCloseWindow,
  useConversationsQuery,
  useEmulatorQuery,
  useInboxLiveUpdates,
  useMarkRead,
  useReply,
  useReplyPlanQuery,
  useRetryMessage,
  useThreadQuery,
} from '../../api/inbox';
import { NewConversationDialog } from '../../components/NewConversationDialog';
import { getTranslation } from '../../utils/getTranslation';
import { useNotifyError, useQueryErrorNotification } from '../../utils/useApiError';
import { ConversationList, displayName } from './components/ConversationList';
import { Composer } from './components/Composer';
import { ModeAlert } from './components/ModeAlert';
import { SendTemplateDialog } from './components/SendTemplateDialog';
import { SimulateInboundDialog } from './components/SimulateInboundDialog';
import { Thread } from './components/Thread';
import { WindowLine } from './components/WindowLine';
import { AssigneeSelect } from './components/AssigneeSelect';
import { AssigneeTabs } from './components/AssigneeTabs';
import { useAddNote, useAssign, useAssigneeCountsQuery, useStaffQuery } from '../../api/team-inbox';
import { ASSIGNEE_FILTERS, type AssigneeFilter } from '../../../../shared/team-inbox';
import { DownloadCsvButton } from '../../components/DownloadCsvButton';
import { ExportMessagesDialog } from '../../components/ExportMessagesDialog';

const PERMISSIONS = {
  send: [{ action: actionUid('messagesSend'), subject: null }],
  assign: [{ action: actionUid('conversationsAssign'), subject: null }],
};

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
  const canAssign = Boolean(allowedActions.canAssign);
  const assigneeFilter = (ASSIGNEE_FILTERS as readonly string[]).includes(params.get('assignee') ?? '') ? (params.get('assignee') as AssigneeFilter) : 'all';
  /** Changes one search parameter and keeps the others (the open conversation, the tab). */
  const setParam = (key: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(key, value);
      return next;
    });

  const conversations = useConversationsQuery(appliedSearch, assigneeFilter);
  const counts = useAssigneeCountsQuery();
  const staff = useStaffQuery();
  const assign = useAssign();
  const addNote = useAddNote();
  const thread = useThreadQuery(selectedId);
  const markRead = useMarkRead();
  const reply = useReply();
  const retry = useRetryMessage();
  const plan = useReplyPlanQuery(selectedId);
  const emulator = useEmulatorQuery();
  const closeWindow = useCloseWindow();
  // One unsent draft per conversation, for as long as the page is open; never shared between them.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [dialog, setDialog] = useState<'template' | 'new' | 'simulate' | null>(null);
  const inEmulator = Boolean(emulator.data?.emulator);

  // Debounced search: the list follows what is typed, not every key.
  useEffect(() => {
    const timer = setTimeout(() => setAppliedSearch(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);

  useQueryErrorNotification(conversations.error);
  useQueryErrorNotification(thread.error);
  useQueryErrorNotification(plan.error);
  useQueryErrorNotification(counts.error);

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

  /** Sends in the open conversation; a template from another sender lands in (and opens) that conversation. */
  const sendInConversation = async (input: { body?: string; template?: string; variables?: Record<string, string> }) => {
    if (!selectedId) return false;
    try {
      const sent = await reply.mutateAsync({ conversation: selectedId, ...input });
      if (sent.meta.conversation && sent.meta.conversation !== selectedId) setParam('conversation', sent.meta.conversation);
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  };

  const onSendTemplate = async (choice: { template: string; variables: Record<string, string> }) => {
    const sent = await sendInConversation(choice);
    if (sent) {
      toggleNotification({ type: 'success', message: formatMessage({ id: getTranslation('inbox.template.sent'), defaultMessage: 'Template sent' }) });
    }
    return sent;
  };

  const onCloseWindow = () =>
    selectedId &&
    closeWindow.mutate(selectedId, {
      onError: fail,
      onSuccess: () =>
        toggleNotification({
          type: 'info',
          message: formatMessage({
            id: getTranslation('inbox.emulator.windowClosed'),
            defaultMessage: 'The emulator moved this conversation 24 hours on: its reply window is closed.',
          }),
        }),
    });

  const onAddNote = async (body: string) => {
    if (!selectedId) return false;
    try {
      await addNote.mutateAsync({ conversation: selectedId, body });
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  };

  const onAssign = (assignee: number | null) =>
    selectedId &&
    assign.mutate(
      { conversation: selectedId, assignee },
      {
        onError: fail,
        onSuccess: () =>
          toggleNotification({
            type: 'success',
            message:
              assignee === null
                ? formatMessage({ id: getTranslation('inbox.assignee.unassignedDone'), defaultMessage: 'Conversation unassigned' })
                : formatMessage({ id: getTranslation('inbox.assignee.assignedDone'), defaultMessage: 'Conversation assigned' }),
          }),
      }
    );

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
        primaryAction={
          canSend ? (
            <Button startIcon={<Plus />} onClick={() => setDialog('new')}>
              {formatMessage({ id: getTranslation('inbox.new'), defaultMessage: 'New conversation' })}
            </Button>
          ) : undefined
        }
        secondaryAction={
          <Flex gap={2}>
            <Badge active={streamState === 'live'}>
              {formatMessage({ id: getTranslation(`inbox.stream.${streamState}`), defaultMessage: streamState })}
            </Badge>
            <ExportMessagesDialog />
            {inEmulator && canSend && (
              <Button variant="secondary" size="S" startIcon={<Phone />} onClick={() => setDialog('simulate')}>
                {formatMessage({ id: getTranslation('inbox.emulator.simulate'), defaultMessage: 'Simulate an incoming message' })}
              </Button>
            )}
          </Flex>
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
            <Box paddingLeft={3} paddingRight={3} paddingTop={2} borderColor="neutral150" style={{ borderBottomWidth: 1, borderBottomStyle: 'solid' }}>
              <AssigneeTabs value={assigneeFilter} counts={counts.data} onChange={(value) => setParam('assignee', value)} />
            </Box>
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
                assignee={assigneeFilter}
                onSelect={(id) => setParam('conversation', id)}
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
                <Flex
                  padding={4}
                  gap={4}
                  justifyContent="space-between"
                  borderColor="neutral150"
                  style={{ borderBottomWidth: 1, borderBottomStyle: 'solid' }}
                >
                  <Box style={{ minWidth: 0 }}>
                    <Typography variant="delta" tag="h2" fontWeight="bold">
                      {displayName(selected)}
                    </Typography>
                    <WindowLine phone={selected.candidate?.name ? selected.candidate.phone : null} plan={plan.data} />
                  </Box>
                  <Flex direction="column" gap={2} alignItems="flex-end" style={{ flexShrink: 0 }}>
                  <Box width="20rem">
                    <AssigneeSelect
                      assignee={selected.assignee ?? null}
                      staff={staff.data}
                      canAssign={canAssign}
                      pending={assign.isPending}
                      onAssign={onAssign}
                    />
                  </Box>
                  {selected.candidate && (
                    <DownloadCsvButton
                      kind="messages"
                      params={{ candidate: selected.candidate.documentId }}
                      label={formatMessage({ id: getTranslation('inbox.export.history'), defaultMessage: 'Export history (CSV)' })}
                    />
                  )}
                  {inEmulator && canSend && plan.data?.senderIsOurs && plan.data.window.open && (
                    <Button
                      variant="tertiary"
                      size="S"
                      startIcon={<Clock />}
                      loading={closeWindow.isPending}
                      onClick={onCloseWindow}
                      style={{ flexShrink: 0, whiteSpace: 'nowrap' }}
                    >
                      {formatMessage({ id: getTranslation('inbox.emulator.closeWindow'), defaultMessage: 'Close the reply window (emulator)' })}
                    </Button>
                  )}
                  </Flex>
                </Flex>
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
                  key={selected.documentId}
                  plan={plan.data}
                  canSend={canSend}
                  optedOut={selected.candidate?.optIn === 'opted_out'}
                  sending={reply.isPending}
                  value={drafts[selected.documentId] ?? ''}
                  onChange={(text) => setDrafts((current) => ({ ...current, [selected.documentId]: text }))}
                  onSend={(body) => sendInConversation({ body })}
                  onSendTemplate={() => setDialog('template')}
                  noting={addNote.isPending}
                  onAddNote={onAddNote}
                />
                <SendTemplateDialog
                  open={dialog === 'template'}
                  candidate={plan.data?.candidate ?? null}
                  sender={plan.data?.nextSender ?? null}
                  sending={reply.isPending}
                  onClose={() => setDialog(null)}
                  onSend={onSendTemplate}
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
        <NewConversationDialog
          open={dialog === 'new'}
          onClose={() => setDialog(null)}
          onStarted={(conversation) => conversation && setParam('conversation', conversation)}
        />
        {inEmulator && <SimulateInboundDialog open={dialog === 'simulate'} sender={emulator.data?.sender ?? null} onClose={() => setDialog(null)} />}
      </Layouts.Content>
    </Page.Main>
  );
};
