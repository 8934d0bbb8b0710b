import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { get, newKey, query, request } from '../../lib/api';
import { usePointsArrival } from './arrival';

/** One bucket of points, as GET /points lists it under balance_entries. */
export interface BalanceEntry {
  issued_date: string;
  balance: number;
  last_updated: string;
  status: 'active' | 'expired';
  expires_at: string;
}

export interface Balance {
  account_id: string;
  balance: number;
  balance_entries: BalanceEntry[];
}

/** One event of GET /points/history; principal, channel and message_id say who did it. */
export interface HistoryItem {
  id: string;
  date_time: string;
  account_id: string;
  transaction_type: 'issue' | 'redeem' | 'expire' | 'revoke';
  amount: number;
  sequence?: number;
  correlation_id?: string;
  expires_at?: string;
  principal?: string;
  channel?: string;
  message_id?: string;
}

export interface HistoryPage {
  items: HistoryItem[];
  next_cursor: string | null;
}

export const pointsKey = (account: string) => ['points', account] as const;
export const HISTORY_PAGE = 10;
const POLL_MS = 1000;

/** The balance; while points of a purchase are on their way through the projection, polled until they show. */
export function usePoints(account: string | undefined) {
  const arrival = usePointsArrival();
  const awaited = account !== undefined ? arrival.awaited(account) : undefined;
  const points = useQuery({
    queryKey: pointsKey(account ?? ''),
    queryFn: () => get<Balance>(`/points${query({ account_id: account })}`),
    enabled: account !== undefined,
    refetchInterval: (q) => {
      const balance = q.state.data?.balance;
      return awaited !== undefined && (balance === undefined || balance < awaited) ? POLL_MS : false;
    },
  });
  const balance = points.data?.balance;
  const { arrived } = arrival;
  useEffect(() => {
    if (account !== undefined && awaited !== undefined && balance !== undefined && balance >= awaited) {
      arrived(account);
    }
  }, [account, awaited, balance, arrived]);
  return { ...points, arriving: awaited !== undefined && (balance === undefined || balance < awaited) };
}

export function useHistory(account: string | undefined) {
  return useInfiniteQuery({
    queryKey: [...pointsKey(account ?? ''), 'history'],
    queryFn: ({ pageParam }) => get<HistoryPage>(`/points/history${query({ account_id: account, limit: HISTORY_PAGE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled: account !== undefined,
  });
}

export function useRedeem(account: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (amount: number) => (await request<HistoryItem>('/points', {
      method: 'DELETE',
      body: { account_id: account, amount },
      headers: { 'Idempotency-Key': newKey() },
    })).body,
    onSettled: () => client.invalidateQueries({ queryKey: pointsKey(account) }),
  });
}
