import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Loading } from '../../components/States';
import { amount } from '../../lib/format';
import { useDryRun, type Campaign } from './api';

/** "What would a purchase of N cost units by this shopper earn": runs the saved campaign, records nothing. */
export function DryRun({ campaign }: { campaign: Campaign }) {
  const [total, setTotal] = useState('1700');
  const [quantity, setQuantity] = useState('1');
  const [shopper, setShopper] = useState('derick');
  const [event, setEvent] = useState<Record<string, unknown> | undefined>(undefined);
  const run = useDryRun(campaign, event);
  const validTotal = /^\d+$/.test(total.trim());
  const validQuantity = /^\d+$/.test(quantity.trim()) && Number(quantity) >= 1;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (validTotal && validQuantity) {
      setEvent({ amount: Number(total), quantity: Number(quantity), account_id: shopper.trim() || undefined, channel: 'web' });
    }
  };

  return (
    <Box component="form" onSubmit={submit} noValidate aria-label="Dry run" sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography variant="h6" component="h2">Dry run</Typography>
      <Typography variant="body2" color="text.secondary">What would a purchase earn under the saved version of this campaign?</Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <TextField size="small" label="Cost (coins)" value={total} onChange={(e) => setTotal(e.target.value)}
          error={!validTotal} helperText={validTotal ? ' ' : 'A whole number'} slotProps={{ htmlInput: { inputMode: 'numeric' } }} sx={{ width: 130 }} />
        <TextField size="small" label="Quantity" value={quantity} onChange={(e) => setQuantity(e.target.value)}
          error={!validQuantity} helperText={validQuantity ? ' ' : 'At least 1'} slotProps={{ htmlInput: { inputMode: 'numeric' } }} sx={{ width: 100 }} />
        <TextField size="small" label="Shopper" value={shopper} onChange={(e) => setShopper(e.target.value)} helperText=" " sx={{ width: 130 }} />
        <Button type="submit" variant="outlined" sx={{ alignSelf: 'flex-start', mt: '2px' }} disabled={!validTotal || !validQuantity}>Run</Button>
      </Box>
      {run.isFetching && <Loading label="Evaluating…" />}
      {run.isError && <ProblemAlert error={run.error} />}
      {run.isSuccess && !run.isFetching && (
        <Alert severity="info" role="status" data-testid="dry-run-result">
          A purchase of {amount(Number(event?.amount))} coins would earn <strong>{amount(run.data.points)} points</strong>
          {' '}(version {campaign.version}
          {run.data.matched.length > 0 ? `; rules matched: ${run.data.matched.map((m) => m.rule + 1).join(', ')}` : '; no rule matched'}
          {campaign.status === 'inactive' ? '; the campaign is inactive' : ''}).
          {run.data.skipped !== undefined && run.data.skipped.length > 0 && ` Skipped: ${run.data.skipped.map((s) => s.reason).join('; ')}`}
        </Alert>
      )}
    </Box>
  );
}
