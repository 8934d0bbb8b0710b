import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { get, query, request } from '../../lib/api';

/**
 * The queues the platform consumes that have a dead-letter queue, as application.yml names them
 * locally (unicorn.queues.*). The API lists no queues, so another name may be typed in.
 */
export const KNOWN_QUEUES = ['unicorn-points-commands', 'unicorn-partner-orders', 'unicorn-channel-replies'];

/** A parked message as GET /dead-letters lists it. */
export interface DeadLetter {
  id: string;
  body: string;
  reason: string;
  receive_count: number;
  first_seen: string;
}

export interface DeadLetterPage {
  queue: string;
  items: DeadLetter[];
  next_cursor: string | null;
}

export const DEAD_LETTER_PAGE = 20;
const key = (queue: string) => ['dead-letters', queue] as const;

export function useDeadLetters(queue: string) {
  return useInfiniteQuery({
    queryKey: key(queue),
    queryFn: ({ pageParam }) => get<DeadLetterPage>(`/dead-letters${query({ queue, limit: DEAD_LETTER_PAGE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** Moves the listed dead letters (all of them when ids is undefined) back to their queue. */
export function useRedrive(queue: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[] | undefined) => (await request<{ queue: string; redriven: string[] }>(
      `/dead-letters/${encodeURIComponent(queue)}/redrive`, { method: 'POST', body: ids === undefined ? undefined : { ids } },
    )).body,
    onSettled: () => client.invalidateQueries({ queryKey: key(queue) }),
  });
}

export function useDeleteDeadLetter(queue: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await request<void>(`/dead-letters/${encodeURIComponent(queue)}/${encodeURIComponent(id)}`, { method: 'DELETE' });
      return id;
    },
    onSettled: () => client.invalidateQueries({ queryKey: key(queue) }),
  });
}
