import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { amount, dateTime } from '../../lib/format';
import type { RebuildJob } from './rebuild';

const STATE_COLOR: Record<string, 'info' | 'success' | 'error'> = { RUNNING: 'info', DONE: 'success', FAILED: 'error' };

function Differences({ job }: { job: RebuildJob }) {
  if (job.differences_total === 0) {
    return <Typography>No differences: every balance view matches the event store.</Typography>;
  }
  return (
    <>
      {job.differences_total > job.differences.length && (
        <Typography color="text.secondary">The first {amount(job.differences.length)} of {amount(job.differences_total)} differences.</Typography>
      )}
      <TableContainer>
        <Table size="small" aria-label="Differences">
          <TableHead>
            <TableRow>
              <TableCell>Account</TableCell>
              <TableCell align="right">Live balance</TableCell>
              <TableCell align="right">Rebuilt balance</TableCell>
              <TableCell align="right">Events (live / rebuilt)</TableCell>
              <TableCell>Repaired</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {job.differences.map((d) => (
              <TableRow key={d.account_id}>
                <TableCell sx={{ wordBreak: 'break-all' }}>{d.account_id}</TableCell>
                <TableCell align="right">{amount(d.live.balance)}</TableCell>
                <TableCell align="right">{amount(d.rebuilt.balance)}</TableCell>
                <TableCell align="right">{d.live.applied_sequence} / {d.rebuilt.applied_sequence}</TableCell>
                <TableCell>{d.repaired ? 'yes' : 'no'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}

/** A rebuild job: its state, a progress bar of accounts done of all, and once it ended its difference report. */
export function RebuildReport({ job }: { job: RebuildJob }) {
  const known = job.accounts_total > 0;
  const percent = known ? Math.min(100, Math.round((job.accounts / job.accounts_total) * 100)) : job.state === 'RUNNING' ? undefined : 100;
  return (
    <Paper component="section" aria-label={`Rebuild ${job.job_id}`} sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600, wordBreak: 'break-all' }}>Rebuild {job.job_id}</Typography>
          <Typography variant="body2" color="text.secondary">
            {job.account_id !== undefined ? `account ${job.account_id}` : 'every account'} · {job.repair ? 'repairs differences' : 'report only'}
            {' '}· started by {job.started_by} {dateTime(job.started_at)}{job.finished_at !== undefined ? ` · ended ${dateTime(job.finished_at)}` : ''}
          </Typography>
        </Box>
        <Chip label={job.state} color={STATE_COLOR[job.state] ?? 'default'} data-testid="rebuild-state" />
      </Box>
      <LinearProgress variant={percent === undefined ? 'indeterminate' : 'determinate'} value={percent}
        aria-label="Rebuild progress" aria-valuetext={`${job.accounts} of ${job.accounts_total} accounts`} />
      <Typography variant="body2" data-testid="rebuild-progress">
        {amount(job.accounts)} of {amount(job.accounts_total)} accounts · {amount(job.events_replayed)} events replayed
        · {amount(job.differences_total)} difference{job.differences_total === 1 ? '' : 's'}
      </Typography>
      {job.state === 'FAILED' && <Alert severity="error" role="alert">The rebuild failed{job.error ? `: ${job.error}` : ''}. Start a new one.</Alert>}
      {job.state !== 'RUNNING' && <Differences job={job} />}
    </Paper>
  );
}
