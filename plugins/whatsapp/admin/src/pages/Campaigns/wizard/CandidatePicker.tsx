import { useState } from 'react';
import { Combobox, ComboboxOption } from '@strapi/design-system';
import { useCandidatesQuery, type CandidateView } from '../../../api/candidates';
import { useTranslate } from '../../../utils/useTranslate';
import { useDebounced } from '../../Candidates/components/useDebounced';

/** Finds a candidate by name, number or e-mail. */
export const CandidatePicker = ({ onPick, label }: { onPick: (candidate: CandidateView) => void; label: string }) => {
  const t = useTranslate();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 250);
  const found = useCandidatesQuery({ page: 1, pageSize: 10, sort: 'name:asc', ...(search ? { search } : {}) });
  const rows = found.data?.data ?? [];
  return (
    <Combobox
      aria-label={label}
      placeholder={t('wizard.candidates.placeholder', 'Search by name, number or e-mail')}
      value=""
      textValue={text}
      onTextValueChange={setText}
      loading={found.isFetching}
      autocomplete="none"
      onChange={(documentId?: string) => {
        const candidate = rows.find((row) => row.documentId === documentId);
        if (candidate) onPick(candidate);
        setTimeout(() => setText(''), 0);
      }}
    >
      {rows.map((row) => (
        <ComboboxOption key={row.documentId} value={row.documentId}>
          {row.name ? `${row.name} · ${row.phone}` : row.phone}
        </ComboboxOption>
      ))}
    </Combobox>
  );
};
