import { Box, Flex, Typography } from '@strapi/design-system';
import { File, Image } from '@strapi/icons';
import { renderTemplate } from '../../../shared/templates';
import { useTranslate } from '../utils/useTranslate';

type Props = {
  body: string;
  /** Values for {{n}}; an empty one shows as its placeholder, highlighted. */
  values: Record<string, string>;
  media?: string[] | undefined;
  quickReplies?: Array<{ title: string }> | undefined;
};

const isImage = (url: string) => /\.(png|jpe?g|gif|webp)(\?|$)/i.test(url);

/** Splits rendered text so placeholders still without a value stand out. */
const Segments = ({ body, values }: { body: string; values: Record<string, string> }) => {
  const parts = body.split(/(\{\{\s*\d+\s*\}\})/g);
  return (
    <>
      {parts.map((part, index) => {
        const match = /^\{\{\s*(\d+)\s*\}\}$/.exec(part);
        if (!match) return <span key={index}>{part}</span>;
        const value = values[match[1]!];
        return value ? (
          <span key={index}>{value}</span>
        ) : (
          <span key={index} style={{ background: '#fdf4dc', color: '#be5d01', borderRadius: 3, padding: '0 2px' }}>
            {part}
          </span>
        );
      })}
    </>
  );
};

/**
 * A template as a candidate sees it in WhatsApp: the chat wallpaper, one incoming bubble with
 * the header media, the text with its values in place, and the quick-reply buttons under it.
 */
export const WhatsAppPreview = ({ body, values, media, quickReplies }: Props) => {
  const t = useTranslate();
  const headerUrl = media?.find((url) => url.trim() !== '');
  const replies = (quickReplies ?? []).filter((reply) => reply.title.trim() !== '');
  // The rendered text is what the candidate receives; the segments only add highlighting.
  const { text } = renderTemplate(body, values);
  return (
    <Box padding={4} hasRadius style={{ background: '#efeae2', minHeight: '24rem' }} data-testid="whatsapp-preview" aria-label={text}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Box
          background="neutral0"
          padding={2}
          hasRadius
          shadow="filterShadow"
          style={{ maxWidth: '32rem', minWidth: '16rem', borderTopLeftRadius: 0 }}
        >
          {headerUrl && (
            <Box paddingBottom={2}>
              {isImage(headerUrl) ? (
                <Flex justifyContent="center" alignItems="center" hasRadius style={{ background: '#d1d7db', height: '12rem' }}>
                  <Image width="3.2rem" height="3.2rem" fill="neutral500" />
                </Flex>
              ) : (
                <Flex gap={2} padding={2} hasRadius style={{ background: '#f0f2f5' }}>
                  <File fill="neutral600" />
                  <Typography variant="pi" ellipsis>
                    {headerUrl.split('/').pop()}
                  </Typography>
                </Flex>
              )}
            </Box>
          )}
          <Typography tag="p" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {body.trim() ? <Segments body={body} values={values} /> : t('preview.empty', 'Your message appears here.')}
          </Typography>
          <Flex justifyContent="flex-end">
            <Typography variant="pi" textColor="neutral500">
              12:00
            </Typography>
          </Flex>
        </Box>
        {replies.map((reply, index) => (
          <Box
            key={index}
            background="neutral0"
            padding={2}
            hasRadius
            shadow="filterShadow"
            style={{ maxWidth: '32rem', minWidth: '16rem', textAlign: 'center' }}
          >
            <Typography textColor="primary600" fontWeight="semiBold">
              {reply.title}
            </Typography>
          </Box>
        ))}
      </Flex>
    </Box>
  );
};
