import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFetchClient } from '@strapi/strapi/admin';
import type { CandidateSortField, CandidateView, OptInState, TagInUse } from '../../../shared/candidates';
import type { Paginated } from './pagination';

export type { CandidateSortField, CandidateView, OptInState, TagInUse };

export type CandidateListParams = {
  page: number;
  pageSize: number;
  search?: string;
  tag?: string;
  optIn?: OptInState;
  wroteWithinDays?: number;
  sort: `${CandidateSortField}:${'asc' | 'desc'}`;
};

/** What the form sends: the number as typed (the server stores it in E.164). */
export type CandidateInput = {
  name?: string | null;
  phone?: string;
  email?: string | null;
  optIn?: OptInState;
  tags?: string[];
  attributes?: Record<string, string | number | boolean | null>;
  /** Required to opt an opted-out candidate back in. */
  optInReason?: string;
};

export const candidateKeys = {
  all: ['whatsapp', 'candidates'] as const,
  list: (params: CandidateListParams) => ['whatsapp', 'candidates', 'list', params] as const,
  tags: (search: string) => ['whatsapp', 'candidates', 'tags', search] as const,
  formSettings: ['whatsapp', 'candidates', 'form-settings'] as const,
};

const queryString = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
};

export const useCandidatesQuery = (params: CandidateListParams) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: candidateKeys.list(params),
    queryFn: async () => (await get<Paginated<CandidateView>>(`/whatsapp/candidates?${queryString(params)}`)).data,
    // The table keeps its rows while the next page or filter loads.
    placeholderData: keepPreviousData,
  });
};

/** Tags already in use, most used first, for suggestions. */
export const useCandidateTags = (search = '') => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: candidateKeys.tags(search),
    queryFn: async () => (await get<{ data: TagInUse[] }>(`/whatsapp/candidates/tags?${queryString({ search })}`)).data.data,
    staleTime: 30_000,
  });
};

export const useCandidateFormSettings = () => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: candidateKeys.formSettings,
    queryFn: async () => (await get<{ data: { defaultCountry: string } }>('/whatsapp/candidates/form-settings')).data.data,
    staleTime: 60_000,
  });
};

export const useSaveCandidate = () => {
  const { post, put } = useFetchClient();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ documentId, data }: { documentId?: string; data: CandidateInput }) =>
      documentId
        ? (await put<{ data: CandidateView }>(`/whatsapp/candidates/${documentId}`, { data })).data.data
        : (await post<{ data: CandidateView }>('/whatsapp/candidates', { data })).data.data,
    onSettled: () => client.invalidateQueries({ queryKey: candidateKeys.all }),
  });
};
