import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, query, request } from '../../lib/api';

/** One account whose live balance view differs from the one rebuilt from the event store. */
export interface Difference {
  account_id: string;
  live: { applied_sequence: number; balance: number };
  rebuilt: { applied_sequence: number; balance: number };
  repaired: boolean;
}

/** A projection rebuild job as POST and GET /points/projection/rebuild answer it. */
export interface RebuildJob {
  job_id: string;
  state: 'RUNNING' | 'DONE' | 'FAILED' | string;
  account_id?: string;
  repair: boolean;
  started_by: string;
  started_at: string;
  updated_at: string;
  finished_at?: string;
  accounts: number;
  accounts_total: number;
  events_replayed: number;
  differences_total: number;
  differences: Difference[];
  error?: string;
  self: string;
}

const PATH = '/points/projection/rebuild';
/** How often a running rebuild is read again. */
export const POLL_MS = 1000;
const latestKey = ['rebuild', 'latest'] as const;
const jobKey = (id: string) => ['rebuild', 'job', id] as const;

/** The latest rebuild, or null when none has run yet (its 404 is an answer, not an error). */
export function useLatestRebuild() {
  return useQuery({
    queryKey: latestKey,
    queryFn: async (): Promise<RebuildJob | null> => {
      try {
        return await get<RebuildJob>(PATH);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          return null;
        }
        throw error;
      }
    },
  });
}

/** One job, read again every POLL_MS while it runs; polling stops when it ends or a read fails. */
export function useRebuildJob(id: string | undefined) {
  const client = useQueryClient();
  return useQuery({
    queryKey: jobKey(id ?? ''),
    queryFn: async () => {
      const job = await get<RebuildJob>(`${PATH}/${encodeURIComponent(id ?? '')}`);
      if (job.state !== 'RUNNING') {
        void client.invalidateQueries({ queryKey: latestKey });
      }
      return job;
    },
    enabled: id !== undefined,
    refetchInterval: (q) => (q.state.status !== 'error' && q.state.data?.state === 'RUNNING' ? POLL_MS : false),
  });
}

export function useStartRebuild() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (start: { accountId?: string; repair: boolean }) => (await request<RebuildJob>(
      `${PATH}${query({ account_id: start.accountId, repair: start.repair ? 'true' : undefined })}`, { method: 'POST' },
    )).body,
    onSuccess: (job) => client.setQueryData(jobKey(job.job_id), job),
    onSettled: () => client.invalidateQueries({ queryKey: latestKey }),
  });
}

/** The running job a 409 rebuild-running names, to follow it instead. */
export function runningJobOf(error: unknown): string | undefined {
  return error instanceof ApiError && error.code === 'rebuild-running' && typeof error.problem.job_id === 'string'
    ? error.problem.job_id : undefined;
}
