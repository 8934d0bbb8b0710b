import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { get, query, request } from '../../lib/api';
import type { RebuildJob } from './rebuild';

/** A record the balance projection set aside, as GET /points/projection/parked lists it. */
export interface ParkedRecord {
  id: string;
  source: 'point-events' | 'point-events-stream' | 'balance-views' | string;
  key: string;
  account_id?: string;
  reason: string;
  parked_at?: string;
  reapplied?: { job_id: string; by: string; at: string };
}

export interface ParkedRecordPage {
  items: ParkedRecord[];
  next_cursor?: string | null;
}

const PATH = '/points/projection/parked';
export const PARKED_PAGE = 20;
const key = ['parked-records'] as const;

/** The parked records, newest first, a page at a time. */
export function useParkedRecords() {
  return useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => get<ParkedRecordPage>(`${PATH}${query({ limit: PARKED_PAGE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** Starts the repair rebuild of the record's account; the answer is the job. */
export function useReapply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => (await request<RebuildJob>(`${PATH}/${encodeURIComponent(id)}/reapply`, { method: 'POST' })).body,
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useDiscard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await request<void>(`${PATH}/${encodeURIComponent(id)}`, { method: 'DELETE' });
      return id;
    },
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}
