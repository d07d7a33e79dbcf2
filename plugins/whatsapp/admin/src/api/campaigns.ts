import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFetchClient } from '@strapi/strapi/admin';
import type { AdminCampaignView, CampaignAction, RecipientListItem, RecipientStatus } from '../../../shared/campaigns';
import type {
  AudienceInput,
  AudiencePreview,
  CampaignDraftInput,
  EditableCampaign,
  TagRules,
  VariableMapping,
  VariableSource,
  WizardTemplate,
} from '../../../shared/campaign-editor';
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

/** Statuses that Twilio will still move on from (delivered may yet be read). */
const IN_FLIGHT = ['pending', 'accepted', 'scheduled', 'queued', 'sending', 'sent'] as const;
/** After the last message is handed to Twilio, delivered and read reports keep coming for a while. */
const SETTLING_MS = 5 * 60_000;

/**
 * Whether the campaign's page should keep asking: while it runs, while messages are still on
 * their way, and for a few minutes after completion while some are delivered but not yet read.
 */
export const isLive = (campaign: AdminCampaignView | undefined): boolean => {
  if (!campaign) return false;
  if (campaign.state === 'running') return true;
  if (campaign.state === 'draft' || campaign.state === 'scheduled') return false;
  if (IN_FLIGHT.some((status) => campaign.stats[status] > 0)) return true;
  const ended = campaign.completedAt ? Date.parse(campaign.completedAt) : null;
  return campaign.stats.delivered > 0 && ended !== null && Date.now() - ended < SETTLING_MS;
};

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
    refetchInterval: (query) => whileRunning(isLive(query.state.data)),
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

export type { AudienceInput, AudiencePreview, CampaignDraftInput, EditableCampaign, TagRules, VariableMapping, VariableSource, WizardTemplate };

export const wizardKeys = {
  templates: ['whatsapp', 'campaigns', 'wizard-templates'] as const,
  edit: (id: string) => ['whatsapp', 'campaigns', 'edit', id] as const,
  preview: (input: PreviewInput) => ['whatsapp', 'campaigns', 'preview', input] as const,
};

export type PreviewInput = { template: string; variableMapping: VariableMapping; audience: AudienceInput; samples?: number };

/** Approved templates the wizard offers. */
export const useWizardTemplates = () => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: wizardKeys.templates,
    queryFn: async () => (await get<{ data: WizardTemplate[] }>('/whatsapp/campaigns/templates')).data.data,
  });
};

/** A campaign as the wizard edits it (null: a new one). */
export const useEditableCampaign = (id: string | null) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: wizardKeys.edit(id ?? ''),
    enabled: Boolean(id),
    queryFn: async () => (await get<{ data: EditableCampaign }>(`/whatsapp/campaigns/${id}/edit`)).data.data,
  });
};

/** Creates or updates; with `launch`, launches it right after saving. */
export const useSaveCampaign = () => {
  const { post, put } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ documentId, data, launch }: { documentId?: string | null; data: CampaignDraftInput; launch?: boolean }) => {
      const saved = documentId
        ? (await put<{ data: EditableCampaign }>(`/whatsapp/campaigns/${documentId}`, { data })).data.data
        : (await post<{ data: EditableCampaign }>('/whatsapp/campaigns', { data })).data.data;
      if (launch) await post(`/whatsapp/campaigns/${saved.documentId}/launch`);
      return saved;
    },
    onSettled: () => client.invalidateQueries({ queryKey: campaignKeys.all }),
  });
};

export const useDuplicateCampaign = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await post<{ data: EditableCampaign }>(`/whatsapp/campaigns/${id}/duplicate`, { data: {} })).data.data,
    onSettled: () => client.invalidateQueries({ queryKey: campaignKeys.all }),
  });
};

/** What a launch would do; `null` input asks nothing. Keeps the last answer while the next loads. */
export const useAudiencePreview = (input: PreviewInput | null) => {
  const { post } = useFetchClient();
  return useQuery({
    queryKey: wizardKeys.preview(input ?? { template: '', variableMapping: {}, audience: {} }),
    enabled: input !== null,
    queryFn: async () => (await post<{ data: AudiencePreview }>('/whatsapp/campaigns/preview', { data: input })).data.data,
    placeholderData: keepPreviousData,
  });
};
