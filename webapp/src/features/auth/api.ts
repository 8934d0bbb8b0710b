import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, get, request } from '../../lib/api';
import { endLogin, restoreLogin, type AuthConfig } from './oidc';

/** Who is logged in, as GET /me answers. */
export interface Me {
  principal: string;
  kind: 'shopper' | 'operator' | 'integrator';
  account_id?: string;
  scopes: string[];
}

export const meKey = ['me'] as const;
export const authConfigKey = ['auth-config'] as const;

/** How the store logs in (GET /auth/config); an identity provider's login of this tab is taken up at once. */
async function loadAuthConfig(): Promise<AuthConfig> {
  const config = await get<AuthConfig>('/auth/config');
  if (config.mode === 'oidc') {
    await restoreLogin(config);
  }
  return config;
}

/** The log-in mode, read once per page load (before the first GET /me, which may need the token). */
export async function authConfig(client: QueryClient): Promise<AuthConfig> {
  return client.fetchQuery({ queryKey: authConfigKey, queryFn: loadAuthConfig, staleTime: Infinity });
}

export function useAuthConfig() {
  return useQuery({ queryKey: authConfigKey, queryFn: loadAuthConfig, staleTime: Infinity });
}

/** The logged-in person, or null when nobody is (a 401 is an answer here, not an error). */
export function useMe() {
  const client = useQueryClient();
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      await authConfig(client);
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
      const config = await authConfig(client);
      if (config.mode === 'oidc') {
        await endLogin(config);
      } else {
        await request<void>('/logout', { method: 'POST' });
      }
    },
    onSettled: () => {
      const config = client.getQueryData(authConfigKey);
      client.clear();
      client.setQueryData(authConfigKey, config);
      client.setQueryData(meKey, null);
    },
  });
}
