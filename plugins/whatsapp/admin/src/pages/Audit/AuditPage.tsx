import { useDeferredValue, useState } from 'react';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useAuditQuery, type AuditFilters as Filters } from '../../api/audit';
import { ListBody } from '../../components/ListBody';
import { useQueryErrorNotification } from '../../utils/useApiError';
import { useTranslate } from '../../utils/useTranslate';
import { AuditFilters, NO_FILTERS } from './components/AuditFilters';
import { AuditTable } from './components/AuditTable';

/** Campaign actions and settings changes: who did what, and when. Read only. */
export const AuditPage = () => {
  const t = useTranslate();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(1);
  // Typing a name asks once the keystrokes settle, not on every letter.
  const deferred = useDeferredValue(filters);
  const audit = useAuditQuery(deferred, page);

  useQueryErrorNotification(audit.error);

  const title = t('audit.title', 'Audit');
  const filtered = filters.action !== null || filters.actorType !== null || filters.actor !== '';

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('audit.subtitle', 'Who launched, paused, resumed, canceled or retried a campaign, and who changed the settings')}
      />
      <Layouts.Content>
        <AuditFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setPage(1);
          }}
        />
        <ListBody
          query={audit}
          onPage={setPage}
          empty={{
            content: filtered
              ? t('audit.emptyFiltered', 'Nothing recorded matches these filters.')
              : t('audit.empty', 'Nothing recorded yet. Campaign actions and settings changes appear here with who made them.'),
          }}
        >
          {(entries) => <AuditTable entries={entries} />}
        </ListBody>
      </Layouts.Content>
    </Page.Main>
  );
};
