import { Box, Flex, Searchbar, SingleSelect, SingleSelectOption, Tag } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import type { CandidateListParams, OptInState } from '../../../api/candidates';
import { useTranslate } from '../../../utils/useTranslate';
import { TagPicker } from './TagPicker';

export type Filters = { search: string; tag: string | null; optIn: OptInState | null; wroteWithinDays: number | null; sort: CandidateListParams['sort'] };

const SORTS: Array<{ value: CandidateListParams['sort']; label: string }> = [
  { value: 'createdAt:desc', label: 'Newest first' },
  { value: 'createdAt:asc', label: 'Oldest first' },
  { value: 'name:asc', label: 'Name A–Z' },
  { value: 'name:desc', label: 'Name Z–A' },
  { value: 'phone:asc', label: 'Number' },
  { value: 'lastInboundAt:desc', label: 'Wrote most recently' },
];
const DAYS = [1, 7, 30, 90];
const ANY = 'any';

/** Search, tag, opt-in, "wrote in the last N days" and the sort of the Candidates table. */
export const CandidateFilters = ({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) => {
  const t = useTranslate();
  const set = (change: Partial<Filters>) => onChange({ ...filters, ...change });
  return (
    <Flex gap={2} wrap="wrap" alignItems="flex-start">
      <Box width="28rem">
        <Searchbar
          name="search"
          value={filters.search}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => set({ search: event.target.value })}
          onClear={() => set({ search: '' })}
          clearLabel={t('candidates.search.clear', 'Clear the search')}
          placeholder={t('candidates.search.placeholder', 'Search by name, number or e-mail')}
        >
          {t('candidates.search.label', 'Search candidates')}
        </Searchbar>
      </Box>
      <Box width="22rem">
        {filters.tag ? (
          <Tag icon={<Cross />} label={t('candidates.filter.tag.clear', 'Remove the tag filter')} onClick={() => set({ tag: null })}>
            {t('candidates.filter.tag.active', 'Tag: {tag}', { tag: filters.tag })}
          </Tag>
        ) : (
          <TagPicker creatable={false} label={t('candidates.filter.tag', 'Filter by tag')} placeholder={t('candidates.filter.tag', 'Filter by tag')} onPick={(tag) => set({ tag })} />
        )}
      </Box>
      <Box width="20rem">
        <SingleSelect
          aria-label={t('candidates.filter.optIn', 'Opt-in')}
          value={filters.optIn ?? ANY}
          onChange={(value: string | number) => set({ optIn: value === ANY ? null : (value as OptInState) })}
        >
          <SingleSelectOption value={ANY}>{t('candidates.filter.optIn.any', 'Any opt-in state')}</SingleSelectOption>
          <SingleSelectOption value="opted_in">{t('candidates.optIn.opted_in', 'Opted in')}</SingleSelectOption>
          <SingleSelectOption value="unknown">{t('candidates.optIn.unknown', 'Not asked')}</SingleSelectOption>
          <SingleSelectOption value="opted_out">{t('candidates.optIn.opted_out', 'Opted out')}</SingleSelectOption>
        </SingleSelect>
      </Box>
      <Box width="26rem">
        <SingleSelect
          aria-label={t('candidates.filter.wrote', 'Wrote to us')}
          value={filters.wroteWithinDays === null ? ANY : String(filters.wroteWithinDays)}
          onChange={(value: string | number) => set({ wroteWithinDays: value === ANY ? null : Number(value) })}
        >
          <SingleSelectOption value={ANY}>{t('candidates.filter.wrote.any', 'Wrote any time, or never')}</SingleSelectOption>
          {DAYS.map((days) => (
            <SingleSelectOption key={days} value={String(days)}>
              {t('candidates.filter.wrote.days', 'Wrote in the last {days, plural, one {day} other {# days}}', { days })}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
      <Box width="22rem">
        <SingleSelect aria-label={t('candidates.sort', 'Sort')} value={filters.sort} onChange={(value: string | number) => set({ sort: value as Filters['sort'] })}>
          {SORTS.map((sort) => (
            <SingleSelectOption key={sort.value} value={sort.value}>
              {t(`candidates.sort.${sort.value.replace(':', '-')}`, sort.label)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
    </Flex>
  );
};
