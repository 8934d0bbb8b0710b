import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ApiError } from '../../lib/api';
import { useLogin } from './api';

/** Log-in form for shoppers and operators (session cookie). */
export function LoginPage() {
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const from = (location.state as { from?: string } | null)?.from ?? '/';

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
