import { Link as RouterLink } from 'react-router-dom';
import { Button, Flex, IconButton, Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { PLUGIN_ID } from '../../../pluginId';
import { TableHead } from '../../../components/TableHead';
import { Eye, PaperPlane } from '@strapi/icons';
import { submittable } from '../../../../../shared/templates';
import type { AdminTemplateView } from '../../../api/templates';
import { useFormatDateTime, useTranslate } from '../../../utils/useTranslate';
import { TemplateStatusBadge } from './TemplateStatusBadge';

const COLUMNS = 7;

type Props = {
  templates: AdminTemplateView[];
  canManage: boolean;
  submittingId: string | null;
  onPreview: (template: AdminTemplateView) => void;
  onSubmit: (template: AdminTemplateView) => void;
};

export const TemplatesTable = ({ templates, canManage, submittingId, onPreview, onSubmit }: Props) => {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  return (
    <Table colCount={COLUMNS} rowCount={templates.length + 1}>
      <TableHead
        labels={[
          t('templates.column.name', 'Name'),
          t('templates.column.status', 'Approval'),
          t('templates.column.category', 'Category'),
          t('templates.column.language', 'Language'),
          t('templates.column.rejection', 'Rejection reason'),
          t('templates.column.synced', 'Last synced'),
          t('templates.column.actions', 'Actions'),
        ]}
      />
      <Tbody>
        {templates.map((template) => (
          <Tr key={template.documentId} data-template={template.documentId}>
            <Td>
              <Link tag={RouterLink} to={`/plugins/${PLUGIN_ID}/templates/${template.documentId}`}>
                <Typography fontWeight="bold">{template.name}</Typography>
              </Link>
            </Td>
            <Td>
              <TemplateStatusBadge template={template} />
            </Td>
            <Td>
              <Typography>{template.category}</Typography>
            </Td>
            <Td>
              <Typography>{template.language}</Typography>
            </Td>
            <Td>
              <Typography variant="pi" textColor="danger600">
                {template.rejectionReason ?? ''}
              </Typography>
            </Td>
            <Td>
              <Typography variant="pi">{formatDateTime(template.lastSyncedAt)}</Typography>
            </Td>
            <Td>
              <Flex gap={2}>
                <IconButton label={t('templates.preview', 'Preview')} onClick={() => onPreview(template)}>
                  <Eye />
                </IconButton>
                {canManage && submittable(template) && (
                  <Button
                    size="S"
                    variant="secondary"
                    startIcon={<PaperPlane />}
                    loading={submittingId === template.documentId}
                    disabled={submittingId !== null}
                    onClick={() => onSubmit(template)}
                  >
                    {t('templates.submit', 'Submit for approval')}
                  </Button>
                )}
              </Flex>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
