import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, request } from '../../lib/api';

/** Who is logged in, as GET /me answers. */
export interface Me {
  principal: string;
  kind: 'shopper' | 'operator' | 'integrator';
  account_id?: string;
  scopes: string[];
}

export const meKey = ['me'] as const;

/** The logged-in person, or null when nobody is (a 401 is an answer here, not an error). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await get<Me>('/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** The account whose wallet and points a person sees: a shopper's own. */
export function accountOf(me: Me | null | undefined): string | undefined {
  if (me === null || me === undefined || me.kind !== 'shopper') {
    return undefined;
  }
  return me.account_id ?? me.principal;
}

export function isOperator(me: Me | null | undefined): boolean {
  return me?.kind === 'operator';
}

/** Makes sure an XSRF-TOKEN cookie exists before the first state-changing call. */
async function ensureXsrfCookie(): Promise<void> {
  if (!document.cookie.includes('XSRF-TOKEN=')) {
    await get<Me>('/me').catch(() => undefined);
  }
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: { username: string; password: string }) => {
      await ensureXsrfCookie();
      return (await request<Me>('/login', { method: 'POST', form: credentials })).body;
    },
    onSuccess: (me) => {
      client.clear();
      client.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await request<void>('/logout', { method: 'POST' });
    },
    onSettled: () => {
      client.clear();
      client.setQueryData(meKey, null);
    },
  });
}
