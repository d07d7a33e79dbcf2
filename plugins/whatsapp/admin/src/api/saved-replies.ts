import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFetchClient } from '@strapi/strapi/admin';
import type { SavedReply } from '../../../shared/saved-replies';

export const savedReplyKeys = { all: ['whatsapp', 'saved-replies'] as const };

/** Every saved reply, by shortcut: the page's table and the composer's `/` list (searched in the browser). */
export const useSavedRepliesQuery = (enabled = true) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: savedReplyKeys.all,
    enabled,
    queryFn: async () => (await get<{ data: SavedReply[] }>('/whatsapp/saved-replies')).data.data,
  });
};

export type SavedReplyInput = { shortcut: string; text: string };

export const useSaveSavedReply = () => {
  const { post, put } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ documentId, ...data }: SavedReplyInput & { documentId?: string }) =>
      documentId
        ? (await put<{ data: SavedReply }>(`/whatsapp/saved-replies/${documentId}`, { data })).data.data
        : (await post<{ data: SavedReply }>('/whatsapp/saved-replies', { data })).data.data,
    onSettled: () => client.invalidateQueries({ queryKey: savedReplyKeys.all }),
  });
};

export const useDeleteSavedReply = () => {
  const { del } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (documentId: string) => (await del(`/whatsapp/saved-replies/${documentId}`)).data,
    onSettled: () => client.invalidateQueries({ queryKey: savedReplyKeys.all }),
  });
};
