import { Button, Checkbox, Flex, IconButton, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { Message, Pencil } from '@strapi/icons';
import type { CandidateView } from '../../../api/candidates';
import { useFormatDateTime, useTranslate } from '../../../utils/useTranslate';
import { OptInBadge } from './OptInBadge';
import { TagChips } from './TagChips';

type Props = {
  candidates: CandidateView[];
  selected: Map<string, CandidateView>;
  onSelect: (candidates: CandidateView[], selected: boolean) => void;
  onEdit?: ((candidate: CandidateView) => void) | undefined;
  /** Starts a conversation with the candidate (a template, since WhatsApp requires one to write first). */
  onMessage?: ((candidate: CandidateView) => void) | undefined;
};

/** One row per candidate, with a checkbox for the bulk selection. */
export const CandidatesTable = ({ candidates, selected, onSelect, onEdit, onMessage }: Props) => {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const onPage = candidates.filter((candidate) => selected.has(candidate.documentId)).length;
  const all = onPage === candidates.length ? true : onPage > 0 ? 'indeterminate' : false;
  return (
    <Table colCount={7} rowCount={candidates.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Checkbox
              aria-label={t('candidates.select.page', 'Select every candidate on this page')}
              checked={all}
              onCheckedChange={(checked: boolean | 'indeterminate') => onSelect(candidates, checked === true)}
            />
          </Th>
          <Th>{t('candidates.column.name', 'Name')}</Th>
          <Th>{t('candidates.column.phone', 'Number')}</Th>
          <Th>{t('candidates.column.optIn', 'Opt-in')}</Th>
          <Th>{t('candidates.column.tags', 'Tags')}</Th>
          <Th>{t('candidates.column.lastInbound', 'Last wrote')}</Th>
          <Th>
            <VisuallyHidden>{t('candidates.column.actions', 'Actions')}</VisuallyHidden>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {candidates.map((candidate) => (
          <Tr key={candidate.documentId} data-candidate={candidate.documentId} data-opted-out={candidate.optIn === 'opted_out' || undefined}>
            <Td>
              <Checkbox
                aria-label={t('candidates.select.one', 'Select {name}', { name: candidate.name ?? candidate.phone })}
                checked={selected.has(candidate.documentId)}
                onCheckedChange={(checked: boolean | 'indeterminate') => onSelect([candidate], checked === true)}
              />
            </Td>
            <Td>
              <Typography fontWeight="bold" textColor={candidate.optIn === 'opted_out' ? 'neutral500' : 'neutral800'}>
                {candidate.name ?? t('candidates.noName', '(no name)')}
              </Typography>
              {candidate.email && (
                <Typography variant="pi" textColor="neutral600" tag="p">
                  {candidate.email}
                </Typography>
              )}
            </Td>
            <Td>
              <Typography>{candidate.phone}</Typography>
            </Td>
            <Td>
              <OptInBadge state={candidate.optIn} />
            </Td>
            <Td>
              <TagChips tags={candidate.tags} max={3} />
            </Td>
            <Td>
              <Typography variant="pi">{formatDateTime(candidate.lastInboundAt)}</Typography>
            </Td>
            <Td>
              <Flex justifyContent="flex-end" gap={1}>
                {onMessage && candidate.optIn !== 'opted_out' && (
                  <IconButton label={t('candidates.message', 'Message')} variant="ghost" onClick={() => onMessage(candidate)}>
                    <Message />
                  </IconButton>
                )}
                {onEdit && (
                  <Button variant="ghost" startIcon={<Pencil />} onClick={() => onEdit(candidate)}>
                    {t('candidates.edit', 'Edit')}
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
