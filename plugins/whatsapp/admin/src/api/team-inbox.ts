import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFetchClient } from '@strapi/strapi/admin';
import type { AssignableRole, AssigneeCounts, AutoAssignSettings, ConversationNote, StaffMember } from '../../../shared/team-inbox';
import { inboxKeys } from './inbox';

export const teamKeys = {
  staff: ['whatsapp', 'team-inbox', 'staff'] as const,
  counts: ['whatsapp', 'inbox', 'conversations', 'counts'] as const,
  settings: ['whatsapp', 'team-inbox', 'settings'] as const,
};

/** Active admin users a conversation can be assigned to. */
export const useStaffQuery = () => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: teamKeys.staff,
    queryFn: async () => (await get<{ data: StaffMember[] }>('/whatsapp/team-inbox/staff')).data.data,
    staleTime: 60_000,
  });
};

/** Mine / Unassigned / All: refetched with the lists (its key sits under theirs). */
export const useAssigneeCountsQuery = () => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: teamKeys.counts,
    queryFn: async () => (await get<{ data: AssigneeCounts }>('/whatsapp/inbox/conversations/counts')).data.data,
  });
};

export const useAssign = () => {
  const { put } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ conversation, assignee }: { conversation: string; assignee: number | null }) =>
      (await put(`/whatsapp/inbox/conversations/${conversation}/assignee`, { data: { assignee } })).data,
    onSettled: () => client.invalidateQueries({ queryKey: inboxKeys.all }),
  });
};

export const useAddNote = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ conversation, body }: { conversation: string; body: string }) =>
      (await post<{ data: ConversationNote }>(`/whatsapp/inbox/conversations/${conversation}/notes`, { data: { body } })).data.data,
    onSettled: (_note, _error, { conversation }) => client.invalidateQueries({ queryKey: inboxKeys.thread(conversation) }),
  });
};

type SettingsAnswer = { data: AutoAssignSettings; meta: { roles: AssignableRole[] } };

export const useAutoAssignSettingsQuery = () => {
  const { get } = useFetchClient();
  return useQuery({ queryKey: teamKeys.settings, queryFn: async () => (await get<SettingsAnswer>('/whatsapp/team-inbox/settings')).data });
};

export const useUpdateAutoAssign = () => {
  const { put } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (data: AutoAssignSettings) => (await put<SettingsAnswer>('/whatsapp/team-inbox/settings', { data })).data,
    onSuccess: (answer) => client.setQueryData(teamKeys.settings, answer),
  });
};
