import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Empty, Loading } from '../../components/States';
import { checkIdentifier, helper, type Check } from './checks';
import { ConfirmDialog } from './ConfirmDialog';
import { runningJobOf, useLatestRebuild, useRebuildJob, useStartRebuild } from './rebuild';
import { RebuildReport } from './RebuildReport';

const optionalAccount = (text: string): Check<string | undefined> =>
  (text.trim() === '' ? { ok: true, value: undefined } : checkIdentifier(text, 'an account'));

/** Starts a rebuild of the balance projection (repair only after a confirmation) and follows it to its report. */
export function RebuildPanel() {
  const [accountText, setAccountText] = useState('');
  const [repair, setRepair] = useState(false);
  const [touched, setTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [followed, setFollowed] = useState<string | undefined>(undefined);
  const latest = useLatestRebuild();
  const start = useStartRebuild();
  const jobId = followed ?? latest.data?.job_id;
  const job = useRebuildJob(jobId);
  const account = optionalAccount(accountText);
  const running = job.data?.state === 'RUNNING';
  const other = runningJobOf(start.error);

  const send = () => {
    if (account.ok) {
      start.mutate({ accountId: account.value, repair }, { onSuccess: (started) => setFollowed(started.job_id) });
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (account.ok && repair) {
      setConfirming(true);
    } else {
      send();
    }
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography color="text.secondary">
        Replays the event store account by account and compares each rebuilt balance with the live view. Run it without
        repair first and read the differences.
      </Typography>
      <Box component="form" aria-label="Start a rebuild" onSubmit={submit} noValidate sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField size="small" label="Account (empty: every account)" value={accountText}
          onChange={(e) => setAccountText(e.target.value)} {...helper(touched, account)} sx={{ minWidth: 260, maxWidth: '100%' }} />
        <FormControlLabel control={<Checkbox checked={repair} onChange={(e) => setRepair(e.target.checked)} />} label="Repair differences" />
        <Button type="submit" variant="contained" loading={start.isPending} disabled={running} sx={{ mt: '2px' }}>Start rebuild</Button>
      </Box>
      {running && <Typography variant="body2" color="text.secondary">A rebuild is running: one runs at a time.</Typography>}
      {start.isError && <ProblemAlert error={start.error} />}
      {other !== undefined && other !== jobId && (
        <Box><Button variant="outlined" onClick={() => { setFollowed(other); start.reset(); }}>Follow the running rebuild</Button></Box>
      )}
      {latest.isPending && <Loading label="Loading the latest rebuild…" />}
      {latest.isError && <ProblemAlert error={latest.error} onRetry={() => void latest.refetch()} />}
      {latest.isSuccess && jobId === undefined && <Empty>No rebuild has run yet.</Empty>}
      {jobId !== undefined && job.isPending && <Loading label="Loading the rebuild…" />}
      {job.isError && <ProblemAlert error={job.error} onRetry={() => void job.refetch()} />}
      {job.data !== undefined && <RebuildReport job={job.data} />}
      <ConfirmDialog open={confirming} onClose={() => setConfirming(false)} onConfirm={send} danger
        title="Rebuild and repair?" confirm="Rebuild and repair">
        Every balance view that differs from the event store{account.ok && account.value !== undefined ? ` (account ${account.value})` : ''} will
        be overwritten with the rebuilt one. A view that moves meanwhile is left alone.
      </ConfirmDialog>
    </Box>
  );
}
