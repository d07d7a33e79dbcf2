import type { Core } from '@strapi/strapi';
import { templateRepository, type TemplateListQuery } from './sql';

export const createTemplateAdminService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The admin Templates page: one page of templates with Strapi's pagination meta. */
  async list(query: TemplateListQuery) {
    const { results, total } = await templateRepository(strapi).list(query);
    return {
      data: results,
      meta: { pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total } },
    };
  },
});

export type TemplateAdminService = ReturnType<typeof createTemplateAdminService>;
