import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { get, newKey, query, request } from '../../lib/api';
import { atMost, usePointsArrival } from './arrival';

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

/** The balance; while a purchase's or redemption's change is on its way through the projection, polled until it shows. */
export function usePoints(account: string | undefined) {
  const arrival = usePointsArrival();
  const awaited = account !== undefined ? arrival.awaited(account) : undefined;
  const points = useQuery({
    queryKey: pointsKey(account ?? ''),
    queryFn: () => get<Balance>(`/points${query({ account_id: account })}`),
    enabled: account !== undefined,
    refetchInterval: (q) => {
      const balance = q.state.data?.balance;
      return awaited !== undefined && (balance === undefined || !awaited(balance)) ? POLL_MS : false;
    },
  });
  const balance = points.data?.balance;
  const { arrived } = arrival;
  useEffect(() => {
    if (account !== undefined && awaited !== undefined && balance !== undefined && awaited(balance)) {
      arrived(account);
    }
  }, [account, awaited, balance, arrived]);
  return { ...points, arriving: awaited !== undefined && (balance === undefined || !awaited(balance)) };
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

export function useRedeem(account: string, balanceBefore: number | undefined) {
  const client = useQueryClient();
  const arrival = usePointsArrival();
  return useMutation({
    mutationFn: async (amount: number) => (await request<HistoryItem>('/points', {
      method: 'DELETE',
      body: { account_id: account, amount },
      headers: { 'Idempotency-Key': newKey() },
    })).body,
    onSuccess: (event) => {
      if (balanceBefore !== undefined) {
        arrival.expect(account, atMost(balanceBefore - event.amount));
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: pointsKey(account) }),
  });
}
