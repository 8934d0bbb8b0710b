import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { dateTime } from '../../lib/format';
import type { ParkedRecord } from './parked';

/** One parked record: where from, which account, why, when, whether re-applied; re-apply it (when it names an account) or discard it. */
export function ParkedRecordItem({ record, onReapply, onDiscard, busy }: {
  record: ParkedRecord;
  onReapply: () => void;
  onDiscard: () => void;
  busy: 'reapply' | 'discard' | undefined;
}) {
  const name = `${record.source} ${record.key}`;
  return (
    <Paper component="li" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }} aria-label={`Parked record ${name}`}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography component="span" sx={{ fontWeight: 600, wordBreak: 'break-all' }}>{name}</Typography>
        <Box sx={{ display: 'flex', gap: 1 }}>
          {record.account_id !== undefined && (
            <Button size="small" variant="contained" onClick={onReapply} loading={busy === 'reapply'} disabled={busy === 'discard'}
              aria-label={`Re-apply parked record ${name}`}>Re-apply</Button>
          )}
          <Button size="small" color="error" variant="outlined" onClick={onDiscard} loading={busy === 'discard'} disabled={busy === 'reapply'}
            aria-label={`Discard parked record ${name}`}>Discard</Button>
        </Box>
      </Box>
      <Typography variant="body2">{record.account_id !== undefined ? `Account ${record.account_id}` : 'Names no account: discard it once its cause is dealt with.'}</Typography>
      <Typography variant="body2" color="text.secondary">
        {record.parked_at !== undefined ? `Parked ${dateTime(record.parked_at)}` : 'Parked'}
        {record.reapplied !== undefined && ` · re-applied by ${record.reapplied.by} ${dateTime(record.reapplied.at)} (rebuild ${record.reapplied.job_id})`}
      </Typography>
      <Box component="pre" tabIndex={0} aria-label={`Reason of ${name}`}
        sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, fontSize: 12, maxHeight: 120, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {record.reason}
      </Box>
    </Paper>
  );
}
