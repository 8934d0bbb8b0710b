import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Loading } from '../../components/States';
import { ApiError } from '../../lib/api';
import { useAuthConfig, useLogin } from './api';
import { startLogin, type OidcConfig } from './oidc';

/** Log in as the platform says: the form (session cookie, local) or at the identity provider (PKCE, aws). */
export function LoginPage() {
  const config = useAuthConfig();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (config.isPending) {
    return <Loading label="Preparing the log-in…" />;
  }
  if (config.isError) {
    return <ProblemAlert error={config.error} onRetry={() => void config.refetch()} />;
  }
  return config.data.mode === 'oidc' ? <ProviderLogin config={config.data} from={from} /> : <SessionLoginForm from={from} />;
}

/** One button: off to the identity provider's log-in page, back at /login/callback. */
function ProviderLogin({ config, from }: { config: OidcConfig; from: string }) {
  const redirect = useMutation({ mutationFn: () => startLogin(config, from) });
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
      <Paper sx={{ p: 3, width: '100%', maxWidth: 380 }}>
        <Typography variant="h4" component="h1" gutterBottom>Log in</Typography>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          {redirect.isError && <ProblemAlert error={redirect.error} />}
          <Typography color="text.secondary">You log in on the Unicorn Store's sign-in page and come straight back.</Typography>
          <Button variant="contained" loading={redirect.isPending} onClick={() => redirect.mutate()}>Log in</Button>
        </Box>
      </Paper>
    </Box>
  );
}

/** Log-in form for shoppers and operators (session cookie). */
function SessionLoginForm({ from }: { from: string }) {
  const login = useLogin();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username: username.trim(), password }, { onSuccess: () => navigate(from, { replace: true }) });
  };
  const badCredentials = login.error instanceof ApiError && login.error.status === 401;

  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
      <Paper component="form" onSubmit={submit} sx={{ p: 3, width: '100%', maxWidth: 380 }} noValidate>
        <Typography variant="h4" component="h1" gutterBottom>Log in</Typography>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          {login.isError && (badCredentials
            ? <Alert severity="error" role="alert">The user name or password is wrong.</Alert>
            : <ProblemAlert error={login.error} />)}
          <TextField label="User name" name="username" autoComplete="username" value={username} required
            onChange={(e) => setUsername(e.target.value)} autoFocus />
          <TextField label="Password" name="password" type="password" autoComplete="current-password" value={password} required
            onChange={(e) => setPassword(e.target.value)} />
          <Button type="submit" variant="contained" loading={login.isPending}
            disabled={username.trim() === '' || password === ''}>Log in</Button>
        </Box>
      </Paper>
    </Box>
  );
}
