/** Strapi's `meta.pagination` for one page of a list of `total` items. */
export const pageMeta = (query: { page: number; pageSize: number }, total: number) => ({
  page: query.page,
  pageSize: query.pageSize,
  pageCount: Math.ceil(total / query.pageSize),
  total,
});
