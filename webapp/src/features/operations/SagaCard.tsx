import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { dateTime } from '../../lib/format';
import { refusal, type Repair, type Saga, type SagaStepView } from './sagas';

const STATE_COLOR: Record<string, 'error' | 'info' | 'warning' | 'success' | 'default'> = {
  FAILED: 'error', RUNNING: 'info', COMPLETING: 'info', COMPENSATING: 'warning', COMPLETED: 'success', COMPENSATED: 'default',
};
const HOLD_COLOR: Record<string, 'warning' | 'success' | 'default'> = { held: 'warning', confirmed: 'success', released: 'default' };

/** An endpoint's name without its component prefix (direct:retail.release-stock -> retail.release-stock). */
const endpoint = (uri: string | null | undefined) => (uri ?? '').replace(/^[a-z0-9-]+:/, '').replace(/\?.*$/, '');

function Step({ step, index }: { step: SagaStepView; index: number }) {
  const options = Object.entries(step.options).map(([k, v]) => `${k}=${v}`).join(', ');
  return (
    <Box component="li" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>{index + 1}.</Typography>
      <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
        {endpoint(step.completion) || '–'} / undo: {endpoint(step.compensation) || '–'}
      </Typography>
      <Chip size="small" label={step.hold} color={HOLD_COLOR[step.hold] ?? 'default'} />
      {options !== '' && <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-all' }}>{options}</Typography>}
    </Box>
  );
}

/** One saga: state, attempts, last error, each step with what it holds; Retry and Compensate when it FAILED. */
export function SagaCard({ saga, busy, onRepair }: { saga: Saga; busy: Repair | undefined; onRepair: (action: Repair) => void }) {
  const action = (repair: Repair, label: string) => {
    const why = refusal(saga, repair);
    return (
      <Button size="small" variant="outlined" color={repair === 'compensate' ? 'warning' : 'primary'}
        disabled={why !== undefined || (busy !== undefined && busy !== repair)} loading={busy === repair}
        title={why} aria-label={`${label} saga ${saga.id}`} onClick={() => onRepair(repair)}>{label}</Button>
    );
  };
  return (
    <Paper component="article" aria-label={`Saga ${saga.id}`} sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600, wordBreak: 'break-all' }}>{saga.id}</Typography>
          <Typography variant="body2" color="text.secondary">
            {saga.attempts} attempt{saga.attempts === 1 ? '' : 's'}
            {saga.failed_during !== undefined ? ` · failed while ${saga.failed_during.toLowerCase()}` : ''}
            {saga.owner ? ` · owner ${saga.owner}` : ''}
            {saga.lease_until !== undefined && saga.state !== 'FAILED' ? ` · lease until ${dateTime(saga.lease_until)}` : ''}
            {saga.holding ? ' · holds stock, money or points' : ''}
          </Typography>
        </Box>
        <Chip label={saga.state} color={STATE_COLOR[saga.state] ?? 'default'} data-testid="saga-state" />
      </Box>
      {saga.last_error && <Typography variant="body2" sx={{ mt: 1, wordBreak: 'break-word' }}>Last error: {saga.last_error}</Typography>}
      <Box component="ol" aria-label="Steps" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1, display: 'flex', flexDirection: 'column', gap: 0.5 }}>
        {saga.steps.map((step, i) => <Step key={i} step={step} index={i} />)}
      </Box>
      {saga.state === 'FAILED' && (
        <Box sx={{ display: 'flex', gap: 1, mt: 1, flexWrap: 'wrap' }}>
          {action('retry', 'Retry')}
          {action('compensate', 'Compensate')}
          {(['retry', 'compensate'] as const).map((r) => refusal(saga, r)).filter((why) => why !== undefined)
            .map((why) => <Typography key={why} variant="body2" color="text.secondary" sx={{ alignSelf: 'center' }}>{why}</Typography>)}
        </Box>
      )}
    </Paper>
  );
}
