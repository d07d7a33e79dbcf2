import type { ReactNode } from 'react';
import { Page } from '@strapi/strapi/admin';
import { EmptyStateLayout } from '@strapi/design-system';
import type { Paginated } from '../api/pagination';
import { Pager } from './Pager';

type Props<T> = {
  query: { isLoading: boolean; error: unknown; data?: Paginated<T> };
  /** What to say (and offer) when there is nothing to list yet. */
  empty: { content: string; action?: ReactNode };
  onPage: (page: number) => void;
  children: (items: T[]) => ReactNode;
};

/** A paged list page's body: loading, error, the empty state, or the list with its pager. */
export const ListBody = <T,>({ query, empty, onPage, children }: Props<T>) => {
  if (query.isLoading) return <Page.Loading />;
  if (query.error || !query.data) return <Page.Error />;
  if (query.data.data.length === 0) {
    return <EmptyStateLayout hasRadius shadow="tableShadow" content={empty.content} action={empty.action} />;
  }
  return (
    <>
      {children(query.data.data)}
      <Pager pagination={query.data.meta.pagination} onPage={onPage} />
    </>
  );
};
