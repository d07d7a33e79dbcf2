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

/** GET /whatsapp/templates/:id: a template as the editor holds it. */
export type EditorTemplate = {
  documentId: string;
  name: string;
  language: string;
  category: string;
  body: string;
  variables: Record<string, string>;
  contentSid: string | null;
  approvalStatus: AdminTemplateView['approvalStatus'];
  rejectionReason: string | null;
  deletedAtTwilio: string | null;
  lastSyncedAt: string | null;
  media?: string[];
  quickReplies?: Array<{ title: string; id?: string }>;
  /** False once Twilio holds it: it can then only be copied into a new version. */
  editable: boolean;
};

export type TemplateDraft = {
  name: string;
  language: string;
  category: string;
  body: string;
  variables: Record<string, string>;
  media?: string[];
  quickReplies?: Array<{ title: string }>;
};

export const editorKeys = {
  one: (id: string) => ['whatsapp', 'templates', 'one', id] as const,
};

export const useTemplateQuery = (id: string | null) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: editorKeys.one(id ?? ''),
    enabled: Boolean(id),
    queryFn: async () => (await get<{ data: EditorTemplate }>(`/whatsapp/templates/${id}`)).data.data,
  });
};

/** Creates the draft (no id yet) or saves it; the server refuses a template Twilio holds. */
export const useSaveTemplate = () => {
  const { post, put } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, draft }: { id: string | null; draft: TemplateDraft }) =>
      id
        ? (await put<{ data: EditorTemplate }>(`/whatsapp/templates/${id}`, { data: draft })).data.data
        : (await post<{ data: EditorTemplate }>('/whatsapp/templates', { data: draft })).data.data,
    onSettled: () => client.invalidateQueries({ queryKey: templateKeys.all }),
  });
};

export const useNewTemplateVersion = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await post<{ data: EditorTemplate }>(`/whatsapp/templates/${id}/new-version`)).data.data,
    onSettled: () => client.invalidateQueries({ queryKey: templateKeys.all }),
  });
};

export const useDeleteTemplate = () => {
  const { del } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      (await del<{ data: { documentId: string; outcome: 'removed' | 'kept' } }>(`/whatsapp/templates/${id}`)).data.data,
    onSettled: () => client.invalidateQueries({ queryKey: templateKeys.all }),
  });
};
