import { useEffect, useRef } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import type { SavedReply } from '../../../../../shared/saved-replies';
import { useTranslate } from '../../../utils/useTranslate';

type Props = {
  /** The replies matching what follows the `/`. */
  replies: SavedReply[];
  query: string;
  loading: boolean;
  active: number;
  /** The text as this candidate would receive it. */
  preview(text: string): string;
  onHover(index: number): void;
  onPick(reply: SavedReply): void;
};

/** The list `/` opens above the composer; the composer's text box keeps the keyboard (arrows, Enter, Escape). */
export const SavedReplyPicker = ({ replies, query, loading, active, preview, onHover, onPick }: Props) => {
  const t = useTranslate();
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <Box
      position="absolute"
      bottom="100%"
      left={0}
      right={0}
      marginBottom={1}
      background="neutral0"
      borderColor="neutral200"
      hasRadius
      shadow="popupShadow"
      style={{ borderWidth: 1, borderStyle: 'solid', zIndex: 2, maxHeight: '24rem', overflowY: 'auto' }}
    >
      <Box padding={2} borderColor="neutral150" style={{ borderBottomWidth: 1, borderBottomStyle: 'solid' }}>
        <Typography variant="sigma" textColor="neutral600">
          {t('inbox.savedReplies.title', 'Saved replies — ↑ ↓ to choose, Enter to insert, Escape to close')}
        </Typography>
      </Box>
      {replies.length === 0 ? (
        <Box padding={3}>
          <Typography variant="pi" textColor="neutral600">
            {loading
              ? t('inbox.savedReplies.loading', 'Loading saved replies…')
              : t('inbox.savedReplies.none', 'No saved reply matches "/{query}".', { query })}
          </Typography>
        </Box>
      ) : (
        <ul ref={list} role="listbox" id="saved-reply-list" aria-label={t('inbox.savedReplies.label', 'Saved replies')}>
          {replies.map((reply, index) => (
            <Box
              tag="li"
              key={reply.documentId}
              role="option"
              id={`saved-reply-${reply.documentId}`}
              aria-selected={index === active}
              background={index === active ? 'primary100' : 'neutral0'}
              padding={2}
              paddingLeft={3}
              paddingRight={3}
              style={{ cursor: 'pointer' }}
              onMouseEnter={() => onHover(index)}
              // Before the text box loses focus.
              onMouseDown={(event: React.MouseEvent) => {
                event.preventDefault();
                onPick(reply);
              }}
            >
              <Flex gap={3}>
                <Typography variant="omega" fontWeight="bold" style={{ whiteSpace: 'nowrap' }}>
                  /{reply.shortcut}
                </Typography>
                <Typography variant="pi" textColor="neutral600" ellipsis>
                  {preview(reply.text)}
                </Typography>
              </Flex>
            </Box>
          ))}
        </ul>
      )}
    </Box>
  );
};
