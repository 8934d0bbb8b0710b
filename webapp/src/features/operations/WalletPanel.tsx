import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ApiError } from '../../lib/api';
import { amount } from '../../lib/format';
import { useAdjustWallet } from './catalogue';
import { checkIdentifier, checkWhole, helper, MAX_MONEY_CHANGE } from './checks';
import { ConfirmDialog } from './ConfirmDialog';

/** Funds a wallet (opening it if need be) or takes from it; taking asks first, and cannot go below zero. */
export function WalletPanel() {
  const [user, setUser] = useState('');
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const adjust = useAdjustWallet();
  const userCheck = checkIdentifier(user, 'a user name');
  const amountCheck = checkWhole(text, -MAX_MONEY_CHANGE, MAX_MONEY_CHANGE, true);
  const send = () => {
    if (userCheck.ok && amountCheck.ok) {
      adjust.mutate({ username: userCheck.value, amount: amountCheck.value }, { onSuccess: () => { setText(''); setTouched(false); } });
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (userCheck.ok && amountCheck.ok) {
      if (amountCheck.value < 0) {
        setConfirming(true);
      } else {
        send();
      }
    }
  };
  const short = adjust.error instanceof ApiError && adjust.error.code === 'insufficient-funds';

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography color="text.secondary">A positive amount funds the wallet (and opens it if it does not exist); a negative one takes from it.</Typography>
      <Box component="form" onSubmit={submit} noValidate aria-label="Adjust a wallet" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField size="small" label="User name" value={user} onChange={(e) => setUser(e.target.value)} {...helper(touched, userCheck)} />
        <TextField size="small" label="Amount" value={text} onChange={(e) => setText(e.target.value)} {...helper(touched, amountCheck)}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
        <Button type="submit" variant="contained" loading={adjust.isPending} sx={{ mt: '2px' }}>Adjust</Button>
      </Box>
      {adjust.isSuccess && (
        <Alert severity="success" role="status">
          {adjust.data.username}&apos;s wallet now holds {amount(adjust.data.balance)} (changed by {adjust.data.changed_by}).
        </Alert>
      )}
      {short && (
        <Alert severity="warning" role="alert">
          The wallet holds less than {amount(-(adjust.variables?.amount ?? 0))} (or does not exist): nothing was taken.
        </Alert>
      )}
      {adjust.isError && !short && <ProblemAlert error={adjust.error} />}
      <ConfirmDialog open={confirming} onClose={() => setConfirming(false)} onConfirm={send} danger title="Take money from this wallet?"
        confirm="Take it">
        {amountCheck.ok ? amount(-amountCheck.value) : ''} will be taken from {user.trim()}&apos;s wallet.
      </ConfirmDialog>
    </Box>
  );
}
