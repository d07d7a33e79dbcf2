import { Box, Flex, Radio, Typography } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';
import { Link } from '@strapi/design-system';
import type { WizardTemplate } from '../../../api/campaigns';
import { PLUGIN_ID } from '../../../pluginId';
import { useTranslate } from '../../../utils/useTranslate';

/** An approved template, each shown with its text. */
export const TemplateStep = ({ templates, value, onChange }: { templates: WizardTemplate[]; value: string | null; onChange: (template: WizardTemplate) => void }) => {
  const t = useTranslate();
  if (templates.length === 0) {
    return (
      <Typography textColor="neutral600">
        {t('wizard.template.none', 'No approved template yet. A campaign can only send an approved template: ')}
        <Link tag={RouterLink} to={`/plugins/${PLUGIN_ID}/templates`}>
          {t('wizard.template.none.link', 'see the templates')}
        </Link>
      </Typography>
    );
  }
  return (
    <Radio.Group
      aria-label={t('wizard.template.label', 'Approved template')}
      value={value ?? ''}
      onValueChange={(documentId: string) => onChange(templates.find((template) => template.documentId === documentId)!)}
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        {templates.map((template) => (
          <Box key={template.documentId} padding={4} hasRadius borderColor={value === template.documentId ? 'primary600' : 'neutral200'} background={value === template.documentId ? 'primary100' : 'neutral0'}>
            <Radio.Item value={template.documentId}>
              <Typography fontWeight="bold">{template.name}</Typography>
              <Typography variant="pi" textColor="neutral600">{` · ${template.language} · ${template.category}`}</Typography>
            </Radio.Item>
            <Box paddingTop={2} paddingLeft={6}>
              <Typography textColor="neutral700" style={{ whiteSpace: 'pre-wrap' }}>
                {template.body}
              </Typography>
            </Box>
          </Box>
        ))}
      </Flex>
    </Radio.Group>
  );
};
