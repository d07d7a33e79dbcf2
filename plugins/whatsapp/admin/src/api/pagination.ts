/** Strapi's pagination meta, as the plugin's admin list routes answer it. */
export type Pagination = { page: number; pageSize: number; pageCount: number; total: number };

export type Paginated<T> = { data: T[]; meta: { pagination: Pagination } };
