import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { get, query, request } from '../../lib/api';

/** A purchase as GET /purchase/{id} and GET /purchases show it. */
export interface Purchase {
  purchase_id: string;
  status: 'PENDING' | 'COMPLETED' | 'REJECTED' | 'COMPENSATED' | 'REFUNDING' | 'REFUNDED' | string;
  userId: string;
  productId: string;
  quantity: number;
  total: number;
  points: number;
  reason?: string;
  created_at: string;
  steps: { step: string; state: string }[];
  refund?: { amount: number; quantity: number; points_revoked: number; points_shortfall: number };
}

export interface PurchasePage {
  items: Purchase[];
  next_cursor: string | null;
}

export const PURCHASE_PAGE = 10;

/** One shopper's purchases; an operator's list waits until a shopper is named (the API needs one). */
export function usePurchases(userFilter: string | undefined, enabled: boolean) {
  return useInfiniteQuery({
    enabled,
    queryKey: ['purchases', userFilter ?? ''],
    queryFn: ({ pageParam }) => get<PurchasePage>(`/purchases${query({ user_id: userFilter, limit: PURCHASE_PAGE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useRefund() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (purchaseId: string) =>
      (await request<Purchase>(`/purchase/${encodeURIComponent(purchaseId)}/refund`, { method: 'POST' })).body,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['purchases'] });
      void client.invalidateQueries({ queryKey: ['products'] });
    },
  });
}
