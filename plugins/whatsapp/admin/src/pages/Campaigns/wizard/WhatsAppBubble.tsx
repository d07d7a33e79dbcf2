import { Box, Typography } from '@strapi/design-system';
import { useTranslate } from '../../../utils/useTranslate';

/** A message as WhatsApp shows it: a green bubble on the chat's beige wallpaper. */
export const WhatsAppBubble = ({ text, to, missing }: { text: string; to: string | null; missing: number[] }) => {
  const t = useTranslate();
  return (
    <Box hasRadius padding={4} style={{ background: '#efe7de' }} data-testid="whatsapp-preview">
      {to && (
        <Typography variant="pi" textColor="neutral600" tag="p">
          {t('wizard.bubble.to', 'To {to}', { to })}
        </Typography>
      )}
      <Box
        marginTop={2}
        padding={3}
        style={{ background: '#d9fdd3', borderRadius: '8px 0 8px 8px', marginLeft: 'auto', maxWidth: '90%', whiteSpace: 'pre-wrap', boxShadow: '0 1px 0.5px rgba(0,0,0,0.13)' }}
      >
        <Typography>{text}</Typography>
      </Box>
      {missing.length > 0 && (
        <Box paddingTop={2}>
          <Typography variant="pi" textColor="danger600">
            {t('wizard.bubble.missing', 'No value for {placeholders}: this candidate would be skipped.', {
              placeholders: missing.map((n) => `{{${n}}}`).join(', '),
            })}
          </Typography>
        </Box>
      )}
    </Box>
  );
};
