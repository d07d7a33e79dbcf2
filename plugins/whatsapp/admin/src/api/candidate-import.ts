import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  IMPORT_RUNNING_STATES,
  type ImportMapping,
  type ImportOutcome,
  type ImportRowsPage,
  type ImportView,
} from '../../../shared/candidate-import';
import { candidateKeys } from './candidates';

export type { ImportMapping, ImportOutcome, ImportRowsPage, ImportView };

const BASE = '/whatsapp/candidate-imports';

export const importKeys = {
  all: ['whatsapp', 'candidate-imports'] as const,
  recent: ['whatsapp', 'candidate-imports', 'recent'] as const,
  one: (id: string) => ['whatsapp', 'candidate-imports', 'one', id] as const,
  rows: (id: string, page: number, outcome: ImportOutcome | null) => ['whatsapp', 'candidate-imports', 'rows', id, page, outcome] as const,
};

export const isRunning = (view: ImportView | undefined) => !!view && IMPORT_RUNNING_STATES.includes(view.state);

/** Recent imports (the page's banner), polled while one of them runs. */
export const useRecentImports = (enabled: boolean) => {
  const { get } = useFetchClient();
  const client = useQueryClient();
  return useQuery({
    queryKey: importKeys.recent,
    queryFn: async () => {
      const before = client.getQueryData<ImportView[]>(importKeys.recent) ?? [];
      const views = (await get<ImportView[]>(BASE)).data;
      // An import that ended since the last poll changed candidates: the list reads them again.
      const ended = views.some((view) => view.state === 'done' && before.some((old) => old.id === view.id && isRunning(old)));
      if (ended) void client.invalidateQueries({ queryKey: candidateKeys.all });
      return views;
    },
    enabled,
    refetchInterval: (query) => (query.state.data?.some(isRunning) ? 2000 : false),
  });
};

/**
 * One import, polled once a second while its run goes on (the progress bar); the candidates list
 * refreshes when an import ends. Each poll costs the server an admin permission check (about 1 MB
 * the server's GC holds until a full collection), so not more often.
 */
export const useImport = (id: string | null) => {
  const { get } = useFetchClient();
  const client = useQueryClient();
  return useQuery({
    queryKey: importKeys.one(id ?? ''),
    queryFn: async () => {
      const view = (await get<ImportView>(`${BASE}/${id}`)).data;
      if (view.state === 'done') void client.invalidateQueries({ queryKey: candidateKeys.all });
      if (!isRunning(view)) void client.invalidateQueries({ queryKey: importKeys.recent });
      return view;
    },
    enabled: !!id,
    refetchInterval: (query) => (isRunning(query.state.data) ? 1000 : false),
  });
};

export const useImportRows = (id: string | null, page: number, outcome: ImportOutcome | null, enabled: boolean) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: importKeys.rows(id ?? '', page, outcome),
    queryFn: async () => {
      const search = new URLSearchParams({ page: String(page), pageSize: '20', ...(outcome ? { outcome } : {}) });
      return (await get<ImportRowsPage>(`${BASE}/${id}/rows?${search}`)).data;
    },
    enabled: !!id && enabled,
    placeholderData: keepPreviousData,
  });
};

/** Sends the file (multipart); the answer has the headers, sample rows and the guessed mapping. */
export const useUploadImport = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return (await post<ImportView>(BASE, form)).data;
    },
    onSuccess: (view) => {
      client.setQueryData(importKeys.one(view.id), view);
      void client.invalidateQueries({ queryKey: importKeys.recent });
    },
  });
};

/** Starts the dry run (`dry-run`) or the import (`commit`) with the mapping. */
export const useStartImportRun = () => {
  const { post } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, run, mapping }: { id: string; run: 'dry-run' | 'commit'; mapping: ImportMapping }) =>
      (await post<ImportView>(`${BASE}/${id}/${run}`, { data: { mapping } })).data,
    onSuccess: (view) => {
      client.setQueryData(importKeys.one(view.id), view);
      void client.invalidateQueries({ queryKey: ['whatsapp', 'candidate-imports', 'rows', view.id] });
      void client.invalidateQueries({ queryKey: importKeys.recent });
    },
  });
};
