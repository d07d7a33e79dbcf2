import type { Core } from '@strapi/strapi';
import { templateRepository, type TemplateListQuery } from './sql';
import { pageMeta } from '../utils/page-meta';

export const createTemplateAdminService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The admin Templates page: one page of templates with Strapi's pagination meta. */
  async list(query: TemplateListQuery) {
    const { results, total } = await templateRepository(strapi).list(query);
    return {
      data: results,
      meta: { pagination: pageMeta(query, total) },
    };
  },
});

export type TemplateAdminService = ReturnType<typeof createTemplateAdminService>;
