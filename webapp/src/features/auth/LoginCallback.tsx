import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Loading } from '../../components/States';
import { authConfig, meKey } from './api';
import { CALLBACK_PATH, completeLogin } from './oidc';

/** Where the identity provider sends the shopper back: the code becomes tokens, then on to where they were going. */
export function LoginCallback() {
  const client = useQueryClient();
  const { search } = useLocation();
  const done = useQuery({
    queryKey: ['login-callback', search],
    queryFn: async () => {
      const config = await authConfig(client);
      if (config.mode !== 'oidc') {
        return '/login';
      }
      const next = await completeLogin(config, `${window.location.origin}${CALLBACK_PATH}${search}`);
      await client.invalidateQueries({ queryKey: meKey });
      return next;
    },
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
  });
  if (done.isError) {
    return <ProblemAlert error={done.error} />;
  }
  return done.isPending ? <Loading label="Logging you in…" /> : <Navigate to={done.data} replace />;
}
