import { useState } from 'react';
import { candidateLabel } from '../Campaigns/wizard/state';
import { useNavigate } from 'react-router-dom';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Box, Button, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { Plus, Rocket, Upload } from '@strapi/icons';
import { useCandidatesQuery, type CandidateView } from '../../api/candidates';
import { Pager } from '../../components/Pager';
import { PLUGIN_ID } from '../../pluginId';
import { useQueryErrorNotification } from '../../utils/useApiError';
import { useTranslate } from '../../utils/useTranslate';
import { CandidateFilters, type Filters } from './components/CandidateFilters';
import { NewConversationDialog } from '../../components/NewConversationDialog';
import { CandidateForm } from './components/CandidateForm';
import { CandidatesTable } from './components/CandidatesTable';
import { useCan } from './components/useCan';
import { useDebounced } from './components/useDebounced';
import { DownloadCsvButton } from '../../components/DownloadCsvButton';
import { ImportBanner } from './import/ImportBanner';
import { ImportDialog } from './import/ImportDialog';

const PAGE_SIZE = 25;
const NO_FILTERS: Filters = { search: '', tag: null, optIn: null, wroteWithinDays: null, sort: 'createdAt:desc' };

/** What the wizard receives from a selection here: the chosen candidates with a label each. */
export type ChosenCandidate = { documentId: string; label: string };

/**
 * Every candidate: search, filters, sorts and pages; add and edit in a form; select some (across
 * pages) and start a campaign with them.
 */
export const CandidatesPage = () => {
  const t = useTranslate();
  const navigate = useNavigate();
  const canManage = useCan('candidatesManage');
  const canCampaign = useCan('campaignsManage');
  const canSend = useCan('messagesSend');
  const [messaging, setMessaging] = useState<CandidateView | null>(null);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<CandidateView | 'new' | null>(null);
  const [selected, setSelected] = useState<Map<string, CandidateView>>(new Map());
  // The import window: 'new' to choose a file, or an import to come back to.
  const [importing, setImporting] = useState<string | 'new' | null>(null);
  const search = useDebounced(filters.search.trim(), 300);

  const candidates = useCandidatesQuery({
    page,
    pageSize: PAGE_SIZE,
    sort: filters.sort,
    ...(search ? { search } : {}),
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(filters.optIn ? { optIn: filters.optIn } : {}),
    ...(filters.wroteWithinDays ? { wroteWithinDays: filters.wroteWithinDays } : {}),
  });
  useQueryErrorNotification(candidates.error);

  const changeFilters = (next: Filters) => {
    setFilters(next);
    setPage(1);
  };
  const select = (rows: CandidateView[], on: boolean) => {
    const next = new Map(selected);
    for (const row of rows) (on ? next.set(row.documentId, row) : next.delete(row.documentId));
    setSelected(next);
  };
  const startCampaign = () => {
    const chosen: ChosenCandidate[] = [...selected.values()].map((row) => ({ documentId: row.documentId, label: candidateLabel(row) }));
    navigate(`/plugins/${PLUGIN_ID}/campaigns/new`, { state: { candidates: chosen } });
  };

  const title = t('candidates.title', 'Candidates');
  const total = candidates.data?.meta.pagination.total ?? 0;
  const filtered = filters !== NO_FILTERS && JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={candidates.data ? t('candidates.subtitle', '{total, plural, one {# candidate} other {# candidates}}', { total }) : undefined}
        primaryAction={
          canManage ? (
            <Flex gap={2}>
              <Button variant="secondary" startIcon={<Upload />} onClick={() => setImporting('new')}>
                {t('candidates.import', 'Import')}
              </Button>
              <Button startIcon={<Plus />} onClick={() => setEditing('new')}>
                {t('candidates.add', 'Add a candidate')}
              </Button>
            </Flex>
          ) : undefined
        }
        secondaryAction={
          <DownloadCsvButton
            kind="candidates"
            variant="secondary"
            params={{ search, tag: filters.tag, optIn: filters.optIn, wroteWithinDays: filters.wroteWithinDays }}
            label={filtered ? t('candidates.export.filtered', 'Export these (CSV)') : t('candidates.export', 'Export (CSV)')}
          />
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {canManage && <ImportBanner onOpen={setImporting} />}
          <CandidateFilters filters={filters} onChange={changeFilters} />
          {selected.size > 0 && (
            <Box background="primary100" hasRadius padding={3} data-testid="selection-bar">
              <Flex justifyContent="space-between" alignItems="center" gap={2}>
                <Typography fontWeight="bold">{t('candidates.selected', '{count, plural, one {# candidate selected} other {# candidates selected}}', { count: selected.size })}</Typography>
                <Flex gap={2}>
                  <Button variant="tertiary" onClick={() => setSelected(new Map())}>
                    {t('candidates.selected.clear', 'Clear the selection')}
                  </Button>
                  {canCampaign && (
                    <Button startIcon={<Rocket />} onClick={startCampaign}>
                      {t('candidates.selected.campaign', 'Start a campaign with them')}
                    </Button>
                  )}
                </Flex>
              </Flex>
            </Box>
          )}
          {candidates.isLoading ? (
            <Page.Loading />
          ) : !candidates.data ? (
            <Page.Error />
          ) : candidates.data.data.length === 0 ? (
            <EmptyStateLayout
              hasRadius
              shadow="tableShadow"
              content={
                filtered
                  ? t('candidates.empty.filtered', 'No candidate matches these filters.')
                  : t('candidates.empty', 'No candidates yet. Add one here, or they are added when they write to your WhatsApp number.')
              }
              action={
                filtered ? (
                  <Button variant="secondary" onClick={() => changeFilters(NO_FILTERS)}>
                    {t('candidates.empty.reset', 'Clear the filters')}
                  </Button>
                ) : canManage ? (
                  <Button startIcon={<Plus />} onClick={() => setEditing('new')}>
                    {t('candidates.add', 'Add a candidate')}
                  </Button>
                ) : undefined
              }
            />
          ) : (
            <Box>
              <CandidatesTable candidates={candidates.data.data} selected={selected} onSelect={select} onEdit={canManage ? setEditing : undefined} onMessage={canSend ? setMessaging : undefined} />
              <Pager pagination={candidates.data.meta.pagination} onPage={setPage} />
            </Box>
          )}
        </Flex>
      </Layouts.Content>
      {editing && <CandidateForm candidate={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {importing && <ImportDialog importId={importing === 'new' ? null : importing} onClose={() => setImporting(null)} />}
      {messaging && <NewConversationDialog open candidate={messaging} onClose={() => setMessaging(null)} />}
    </Page.Main>
  );
};
