import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFetchClient } from '@strapi/strapi/admin';
import type { AdminTemplateView, RenderedTemplate, TemplateSyncAnswer } from '../../../shared/templates';
import type { Paginated } from './pagination';

export type { AdminTemplateView, RenderedTemplate, TemplateSyncAnswer };

export const templateKeys = {
  all: ['whatsapp', 'templates'] as const,
  list: (page: number) => ['whatsapp', 'templates', 'list', page] as const,
  preview: (id: string) => ['whatsapp', 'templates', 'preview', id] as const,
};

export const useTemplatesQuery = (page: number) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: templateKeys.list(page),
    queryFn: async () => (await get<Paginated<AdminTemplateView>>(`/whatsapp/templates?page=${page}&pageSize=20`)).data,
  });
};

/** The template's text with its sample values in place. */
export const useTemplatePreview = (id: string | null) => {
  const { post } = useFetchClient();
  return useQuery({
    queryKey: templateKeys.preview(id ?? ''),
    enabled: Boolean(id),
    queryFn: async () => (await post<{ data: RenderedTemplate }>(`/whatsapp/templates/${id}/preview`, { data: {} })).data.data,
  });
};

export const useSyncTemplates = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => (await post<{ data: TemplateSyncAnswer }>('/whatsapp/templates/sync')).data.data,
    onSettled: () => client.invalidateQueries({ queryKey: templateKeys.all }),
  });
};

export const useSubmitTemplate = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await post<{ data: AdminTemplateView }>(`/whatsapp/templates/${id}/submit`, { data: {} })).data.data,
    onSettled: () => client.invalidateQueries({ queryKey: templateKeys.all }),
  });
};
