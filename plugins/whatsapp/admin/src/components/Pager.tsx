import { Flex, IconButton, Typography } from '@strapi/design-system';
import { ChevronLeft, ChevronRight } from '@strapi/icons';
import type { Pagination } from '../api/pagination';
import { useTranslate } from '../utils/useTranslate';

/** Previous / next under a list; nothing when everything fits on one page. */
export const Pager = ({ pagination, onPage }: { pagination: Pagination | undefined; onPage: (page: number) => void }) => {
  const t = useTranslate();
  if (!pagination || pagination.pageCount <= 1) return null;
  const { page, pageCount } = pagination;
  return (
    <Flex justifyContent="flex-end" alignItems="center" gap={2} paddingTop={4}>
      <IconButton label={t('pager.previous', 'Previous page')} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        <ChevronLeft />
      </IconButton>
      <Typography variant="pi" textColor="neutral600">
        {t('pager.position', 'Page {page} of {pageCount}', { page, pageCount })}
      </Typography>
      <IconButton label={t('pager.next', 'Next page')} disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        <ChevronRight />
      </IconButton>
    </Flex>
  );
};
