import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFetchClient } from '@strapi/strapi/admin';
import type { GoLiveCheck, GoLiveCheckId, GoLiveReport } from '../../../shared/go-live';

export type { GoLiveCheck, GoLiveCheckId, GoLiveCheckState, GoLiveReport } from '../../../shared/go-live';

export const goLiveKeys = { report: ['whatsapp', 'go-live'] as const };

const useChecksFetch = () => {
  const { get } = useFetchClient();
  return async (check?: GoLiveCheckId) =>
    (await get<{ data: GoLiveReport }>('/whatsapp/settings/checks', check ? { params: { check } } : undefined)).data.data;
};

/** GET /whatsapp/settings/checks: every check, run when the page opens; `refetch` runs them all again. */
export const useGoLiveReport = () => {
  const fetchChecks = useChecksFetch();
  return useQuery({ queryKey: goLiveKeys.report, queryFn: () => fetchChecks(), staleTime: Infinity, retry: false });
};

/** A report with one check's fresh result in place of the old one; summary and next step follow. */
export const withCheck = (report: GoLiveReport, fresh: GoLiveCheck): GoLiveReport => {
  const checks = report.checks.map((check) => (check.id === fresh.id ? fresh : check));
  const summary = { ok: 0, warning: 0, failing: 0 };
  for (const check of checks) summary[check.state] += 1;
  const next = checks.find((check) => check.state !== 'ok');
  return {
    ...report,
    checks,
    summary,
    nextStep: next ? { check: next.id, title: next.title, fix: next.fix ?? next.reason } : null,
  };
};

/** GET /whatsapp/settings/checks?check=<id>: runs one check and puts its result into the report. */
export const useRunCheck = () => {
  const fetchChecks = useChecksFetch();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: GoLiveCheckId) => {
      const report = await fetchChecks(id);
      const fresh = report.checks[0];
      if (!fresh) throw new Error(`No result for check ${id}`);
      return fresh;
    },
    onSuccess: (fresh) =>
      client.setQueryData<GoLiveReport>(goLiveKeys.report, (current) => (current ? withCheck(current, fresh) : current)),
  });
};
