import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from './getTranslation';

type Values = Record<string, string | number | Date | null | undefined>;

/** `formatMessage` for this plugin's keys: every string keeps its English default next to its key. */
export const useTranslate = () => {
  const { formatMessage } = useIntl();
  return useCallback(
    (id: string, defaultMessage: string, values?: Values) => formatMessage({ id: getTranslation(id), defaultMessage }, values),
    [formatMessage]
  );
};

/** A date and time as the admin's locale writes it; a dash when there is none. */
export const useFormatDateTime = () => {
  const { formatDate } = useIntl();
  return useCallback(
    (value: string | null | undefined) => (value ? formatDate(value, { dateStyle: 'medium', timeStyle: 'short' }) : '—'),
    [formatDate]
  );
};
