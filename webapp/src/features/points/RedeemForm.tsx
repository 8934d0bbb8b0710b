import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ApiError } from '../../lib/api';
import { amount } from '../../lib/format';
import { useRedeem } from './api';

function checkAmount(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1) {
    return { ok: false, message: 'Enter a whole number of points, at least 1.' };
  }
  return { ok: true, value: Number(trimmed) };
}

/** Spends points, oldest first; a 409 says how many were available. */
export function RedeemForm({ account, balance }: { account: string; balance: number }) {
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const redeem = useRedeem(account, balance);
  const check = checkAmount(text);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (check.ok) {
      redeem.mutate(check.value, { onSuccess: () => { setText(''); setTouched(false); } });
    }
  };
  const short = redeem.error instanceof ApiError && redeem.error.code === 'insufficient-points' ? redeem.error.problem : undefined;

  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField label="Points to redeem" size="small" value={text} onChange={(e) => setText(e.target.value)}
          error={touched && !check.ok} helperText={touched && !check.ok ? check.message : ' '}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
        <Button type="submit" variant="contained" loading={redeem.isPending} sx={{ mt: '2px' }}>Redeem</Button>
      </Box>
      {redeem.isSuccess && <Alert severity="success" role="status">Redeemed {amount(redeem.data.amount)} points.</Alert>}
      {short !== undefined && (
        <Alert severity="warning" role="alert">
          Not enough points: you asked for {amount(Number(short.requested))} and {amount(Number(short.available))} are unexpired.
        </Alert>
      )}
      {redeem.isError && short === undefined && <ProblemAlert error={redeem.error} />}
    </Box>
  );
}
