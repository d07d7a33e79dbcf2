import { useCallback, useEffect } from 'react';
import { useAPIErrorHandler, useNotification } from '@strapi/strapi/admin';

/** Shows an API error as a danger notification, in Strapi's words for it. */
export const useNotifyError = () => {
  const { toggleNotification } = useNotification();
  const { formatAPIError } = useAPIErrorHandler();
  return useCallback(
    (error: unknown) => toggleNotification({ type: 'danger', message: formatAPIError(error as Parameters<typeof formatAPIError>[0]) }),
    [toggleNotification, formatAPIError]
  );
};

/** Notifies a query's error once, when it appears. */
export const useQueryErrorNotification = (error: unknown) => {
  const notify = useNotifyError();
  useEffect(() => {
    if (error) notify(error);
  }, [error, notify]);
};
