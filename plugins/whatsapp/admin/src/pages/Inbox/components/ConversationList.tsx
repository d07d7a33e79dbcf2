import { useIntl } from 'react-intl';
import { Badge, Box, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { Message } from '@strapi/icons';
import type { InboxConversation } from '../../../api/inbox';
import type { AssigneeFilter } from '../../../../../shared/team-inbox';
import { getTranslation } from '../../../utils/getTranslation';
import { relativeTime } from './relativeTime';

type Props = {
  conversations: InboxConversation[] | undefined;
  isLoading: boolean;
  selectedId: string | null;
  searching: boolean;
  /** The tab shown: its own words when it is empty. */
  assignee?: AssigneeFilter;
  onSelect(id: string): void;
};

export const displayName = (conversation: InboxConversation) =>
  conversation.candidate?.name || conversation.candidate?.phone || conversation.sender;

export const ConversationList = ({ conversations, isLoading, selectedId, searching, assignee = 'all', onSelect }: Props) => {
  const intl = useIntl();
  const { formatMessage } = intl;

  if (isLoading) {
    return (
      <Flex justifyContent="center" padding={6}>
        <Loader small>{formatMessage({ id: getTranslation('inbox.loading'), defaultMessage: 'Loading…' })}</Loader>
      </Flex>
    );
  }

  if (!conversations || conversations.length === 0) {
    return (
      <Box padding={4}>
        <EmptyStateLayout
          icon={<Message width="6.4rem" height="6.4rem" />}
          content={
            searching
              ? formatMessage({ id: getTranslation('inbox.list.noMatch'), defaultMessage: 'No conversation matches this search.' })
              : assignee === 'mine'
                ? formatMessage({ id: getTranslation('inbox.list.noneMine'), defaultMessage: 'No conversation is assigned to you. Pick one under Unassigned or All.' })
                : assignee === 'unassigned'
                  ? formatMessage({ id: getTranslation('inbox.list.noneUnassigned'), defaultMessage: 'Every conversation has someone assigned.' })
                  : formatMessage({
                  id: getTranslation('inbox.list.empty'),
                  defaultMessage:
                    'No conversations yet. They start when a candidate writes to your WhatsApp number, or when you send them a template.',
                })
          }
        />
      </Box>
    );
  }

  return (
    <Box tag="ul">
      {conversations.map((conversation) => {
        const selected = conversation.documentId === selectedId;
        const unread = conversation.unreadCount > 0;
        return (
          <Box
            tag="li"
            key={conversation.documentId}
            background={selected ? 'primary100' : 'neutral0'}
            borderColor="neutral150"
            style={{ borderBottomWidth: 1, borderBottomStyle: 'solid', cursor: 'pointer' }}
          >
            <Box
              tag="button"
              type="button"
              onClick={() => onSelect(conversation.documentId)}
              aria-current={selected ? 'true' : undefined}
              padding={4}
              width="100%"
              style={{ textAlign: 'left', background: 'transparent', border: 0, cursor: 'pointer' }}
            >
              <Flex justifyContent="space-between" gap={2}>
                <Typography variant="omega" fontWeight={unread ? 'bold' : 'semiBold'} ellipsis>
                  {displayName(conversation)}
                </Typography>
                <Typography variant="pi" textColor="neutral600" style={{ whiteSpace: 'nowrap' }}>
                  {relativeTime(intl, conversation.lastMessageAt)}
                </Typography>
              </Flex>
              <Flex justifyContent="space-between" gap={2} paddingTop={1}>
                <Typography variant="pi" textColor={unread ? 'neutral800' : 'neutral600'} ellipsis>
                  {conversation.lastMessagePreview ?? ''}
                </Typography>
                {unread && (
                  <Badge
                    active
                    aria-label={formatMessage(
                      { id: getTranslation('inbox.list.unread'), defaultMessage: '{count} unread' },
                      { count: conversation.unreadCount }
                    )}
                  >
                    {conversation.unreadCount}
                  </Badge>
                )}
              </Flex>
              <Flex justifyContent="space-between" gap={2}>
                <Typography variant="pi" textColor="neutral500">
                  {conversation.candidate?.name ? conversation.candidate.phone : ''}
                </Typography>
                {conversation.assignee && (
                  <Typography variant="pi" textColor="neutral600" ellipsis data-testid="conversation-assignee">
                    {formatMessage(
                      { id: getTranslation('inbox.list.assignee'), defaultMessage: '→ {name}' },
                      { name: conversation.assignee.name ?? `#${conversation.assignee.id}` }
                    )}
                  </Typography>
                )}
              </Flex>
            </Box>
          </Box>
        );
      })}
    </Box>
  );
};
