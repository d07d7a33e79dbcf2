import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFetchClient } from '@strapi/strapi/admin';
import { runFinished, type SyncOverview, type SyncRunView, type SyncStartAnswer } from '../../../shared/sync-status';

export type { SyncOverview, SyncRunView, SyncStartAnswer };
export { runFinished };

/** How often a run under way is asked about. */
const RUN_POLL_MS = 1_000;

export const syncKeys = {
  all: ['whatsapp', 'sync-status'] as const,
  overview: ['whatsapp', 'sync-status', 'overview'] as const,
  run: (id: string) => ['whatsapp', 'sync-status', 'run', id] as const,
};

export const useSyncOverview = () => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: syncKeys.overview,
    queryFn: async () => (await get<{ data: SyncOverview }>('/whatsapp/sync-status')).data.data,
  });
};

/** One run, asked about every second until it is completed or failed. */
export const useSyncRun = (id: string | null) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: syncKeys.run(id ?? ''),
    enabled: Boolean(id),
    queryFn: async () => (await get<{ data: SyncRunView }>(`/whatsapp/sync-status/${id}`)).data.data,
    refetchInterval: (query) => (query.state.data && runFinished(query.state.data) ? false : RUN_POLL_MS),
  });
};

/** Everything pending (the server answers with the run already under way when there is one). */
export const useStartSync = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => (await post<{ data: SyncStartAnswer }>('/whatsapp/sync-status', { data: {} })).data.data,
    onSettled: () => client.invalidateQueries({ queryKey: syncKeys.overview }),
  });
};
