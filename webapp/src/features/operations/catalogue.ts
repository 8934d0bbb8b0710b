import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/api';
import { productsKey, walletKey, type Product } from '../store/api';

/** A product as an operator's change answers it: who changed it last, and when. */
export interface ChangedProduct extends Product {
  changed_by: string;
  changed_at: string;
}

export interface NewProduct {
  id: string;
  name: string;
  description: string;
  image: string;
  price: number;
  stock: number;
}

export type ProductEdit = Partial<Pick<NewProduct, 'name' | 'description' | 'image' | 'price'>>;

const productPath = (id: string, tail = '') => `/products/${encodeURIComponent(id)}${tail}`;

/** Every catalogue change reads the catalogue again, refused or not (a lost answer may have changed it). */
function useProductChange<T>(send: (change: T) => Promise<ChangedProduct>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => client.invalidateQueries({ queryKey: productsKey }),
  });
}

export function useCreateProduct() {
  return useProductChange(async (product: NewProduct) =>
    (await request<ChangedProduct>('/products', { method: 'POST', body: product })).body);
}

export function useEditProduct() {
  return useProductChange(async (edit: { id: string; change: ProductEdit }) =>
    (await request<ChangedProduct>(productPath(edit.id), { method: 'PATCH', body: edit.change })).body);
}

export function useRestock() {
  return useProductChange(async (restock: { id: string; quantity: number }) =>
    (await request<ChangedProduct>(productPath(restock.id, '/restock'), { method: 'POST', body: { quantity: restock.quantity } })).body);
}

export function useAdjustWallet() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (adjust: { username: string; amount: number }) => (await request<{ username: string; balance: number; changed_by: string }>(
      `/wallets/${encodeURIComponent(adjust.username)}/adjust`, { method: 'POST', body: { amount: adjust.amount } },
    )).body,
    onSettled: (_data, _error, adjust) => client.invalidateQueries({ queryKey: walletKey(adjust.username) }),
  });
}
