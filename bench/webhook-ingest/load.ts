import http from 'node:http';

export type LoadRequest = { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: Buffer };

/** One timed run: what a summary is made of. */
export type LoadSlice = {
  latenciesMs: number[];
  errors: number;
  durationMs: number;
  statuses: Record<number, number>;
  /** Index of every request answered 2xx, to count what was stored afterwards. */
  succeeded: number[];
  /** Index the next slice starts at. */
  nextIndex: number;
};

export type LoadResult = {
  requests: number;
  non2xx: number;
  errors: number;
  durationMs: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  statuses: Record<number, number>;
  succeeded: number[];
};

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number));

const send = (agent: http.Agent, baseUrl: string, request: LoadRequest): Promise<number> =>
  new Promise((resolve, reject) => {
    const outgoing = http.request(
      `${baseUrl}${request.path}`,
      {
        method: request.method,
        agent,
        headers: { ...request.headers, ...(request.body ? { 'content-length': String(request.body.length) } : {}) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      }
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });

/**
 * A closed loop of `concurrency` clients on keep-alive connections (what autocannon does),
 * each sending its next request as soon as the previous one is answered, until `maxRequests`
 * have been sent or `durationMs` has passed. Request indexes start at `startIndex`.
 */
export const runLoad = async (options: {
  baseUrl: string;
  concurrency: number;
  durationMs: number;
  maxRequests: number;
  startIndex?: number;
  next: (index: number) => LoadRequest;
}): Promise<LoadSlice> => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latenciesMs: number[] = [];
  const statuses: Record<number, number> = {};
  const succeeded: number[] = [];
  const startIndex = options.startIndex ?? 0;
  let issued = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;

  const client = async () => {
    while (issued < options.maxRequests && performance.now() < deadline) {
      const index = startIndex + issued;
      issued += 1;
      const request = options.next(index);
      const sentAt = performance.now();
      try {
        const status = await send(agent, options.baseUrl, request);
        latenciesMs.push(performance.now() - sentAt);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status >= 200 && status < 300) succeeded.push(index);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const durationMs = performance.now() - started;
  agent.destroy();
  return { latenciesMs, errors, durationMs, statuses, succeeded, nextIndex: startIndex + issued };
};

/** Several slices of one kind of request, as one result. */
export const summarize = (slices: LoadSlice[]): LoadResult => {
  const latencies = slices.flatMap((slice) => slice.latenciesMs).sort((a, b) => a - b);
  const errors = slices.reduce((sum, slice) => sum + slice.errors, 0);
  const durationMs = slices.reduce((sum, slice) => sum + slice.durationMs, 0);
  const statuses: Record<number, number> = {};
  for (const slice of slices) for (const [status, count] of Object.entries(slice.statuses)) statuses[Number(status)] = (statuses[Number(status)] ?? 0) + count;
  const succeeded = slices.flatMap((slice) => slice.succeeded);
  const requests = latencies.length + errors;
  return {
    requests,
    non2xx: requests - succeeded.length,
    errors,
    durationMs,
    rps: (latencies.length / durationMs) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.at(-1) ?? 0,
    statuses,
    succeeded,
  };
};
