import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, newKey, request } from '../../lib/api';
import { pointsKey } from '../points/api';

/** A unicorn for sale, as GET /products answers. */
export interface Product {
  id: string;
  name: string;
  description: string;
  price: number;
  stock: number;
  image?: string;
}

/** The 201 of POST /purchase. */
export interface PurchaseResult {
  purchase_id: string;
  status: string;
  total: number;
  points: number;
  quantity: number;
  productId: string;
  campaigns_skipped?: unknown[];
}

export const productsKey = ['products'] as const;
export const walletKey = (user: string) => ['wallet', user] as const;

export function useProducts() {
  return useQuery({ queryKey: productsKey, queryFn: () => get<Product[]>('/products') });
}

export function useWallet(user: string | undefined) {
  return useQuery({
    queryKey: walletKey(user ?? ''),
    queryFn: () => get<{ username: string; balance: number }>(`/users/balance/${encodeURIComponent(user ?? '')}`),
    enabled: user !== undefined,
  });
}

/**
 * Buys a unicorn. The Idempotency-Key is kept while an attempt's outcome is unknown, so that
 * "try again" settles the same purchase instead of making a second one.
 */
export function usePurchase(user: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (order: { productId: string; quantity: number; key?: string }) => {
      const key = order.key ?? newKey();
      const response = await request<PurchaseResult>('/purchase', {
        method: 'POST',
        body: { userId: user, productId: order.productId, quantity: order.quantity },
        headers: { 'Idempotency-Key': key },
      });
      return response.body;
    },
    onSettled: () => {
      // a rejected or unknown purchase may still have changed nothing or something: read again either way
      void client.invalidateQueries({ queryKey: productsKey });
      void client.invalidateQueries({ queryKey: walletKey(user) });
      void client.invalidateQueries({ queryKey: pointsKey(user) });
      void client.invalidateQueries({ queryKey: ['purchases'] });
    },
  });
}
