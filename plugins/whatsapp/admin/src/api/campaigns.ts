import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFetchClient } from '@strapi/strapi/admin';
import type { AdminCampaignView, CampaignAction, RecipientListItem, RecipientStatus } from '../../../shared/campaigns';
import type { Paginated } from './pagination';

export type { AdminCampaignView, CampaignAction, RecipientListItem, RecipientStatus };

/** How often a running campaign's page asks again. */
const RUNNING_REFRESH_MS = 2_000;

export const campaignKeys = {
  all: ['whatsapp', 'campaigns'] as const,
  list: (page: number) => ['whatsapp', 'campaigns', 'list', page] as const,
  one: (id: string) => ['whatsapp', 'campaigns', 'one', id] as const,
  recipients: (id: string, status: RecipientStatus | null, page: number) =>
    ['whatsapp', 'campaigns', 'recipients', id, status ?? 'all', page] as const,
};

const whileRunning = (running: boolean) => (running ? RUNNING_REFRESH_MS : false);

export const useCampaignsQuery = (page: number) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: campaignKeys.list(page),
    queryFn: async () => (await get<Paginated<AdminCampaignView>>(`/whatsapp/campaigns?page=${page}&pageSize=20`)).data,
    refetchInterval: (query) => whileRunning(Boolean(query.state.data?.data.some((campaign) => campaign.state === 'running'))),
  });
};

export const useCampaignQuery = (id: string) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: campaignKeys.one(id),
    queryFn: async () => (await get<{ data: AdminCampaignView }>(`/whatsapp/campaigns/${id}`)).data.data,
    refetchInterval: (query) => whileRunning(query.state.data?.state === 'running'),
  });
};

export const useRecipientsQuery = (id: string, status: RecipientStatus | null, page: number, running: boolean) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: campaignKeys.recipients(id, status, page),
    queryFn: async () => {
      const params = new URLSearchParams({ 'pagination[page]': String(page), 'pagination[pageSize]': '25' });
      if (status) params.set('filters[status]', status);
      return (await get<Paginated<RecipientListItem>>(`/whatsapp/campaigns/${id}/recipients?${params}`)).data;
    },
    refetchInterval: whileRunning(running),
  });
};

/** Launch, pause, resume, cancel or retry-failed; the answer is the campaign as it now is. */
export const useCampaignAction = (id: string) => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (action: CampaignAction) => (await post<{ data: unknown }>(`/whatsapp/campaigns/${id}/${action}`)).data.data,
    onSettled: () => client.invalidateQueries({ queryKey: campaignKeys.all }),
  });
};
