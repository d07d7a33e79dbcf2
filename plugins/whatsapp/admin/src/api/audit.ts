import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ActorType, AuditAction, AuditListAnswer } from '../../../shared/audit';

export type AuditFilters = { action: AuditAction | null; actorType: ActorType | null; actor: string };

export const auditKeys = {
  list: (filters: AuditFilters, page: number) => ['whatsapp', 'audit', filters, page] as const,
};

const PAGE_SIZE = 20;

/** GET /whatsapp/audit: newest first, one page, with the filters set. */
export const useAuditQuery = (filters: AuditFilters, page: number) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: auditKeys.list(filters, page),
    queryFn: async () => {
      const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
      if (filters.action) params.set('action', filters.action);
      if (filters.actorType) params.set('actorType', filters.actorType);
      if (filters.actor.trim()) params.set('actor', filters.actor.trim());
      return (await get<AuditListAnswer>(`/whatsapp/audit?${params.toString()}`)).data;
    },
    placeholderData: keepPreviousData,
  });
};
