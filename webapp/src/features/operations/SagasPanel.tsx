import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Empty, Loading } from '../../components/States';
import { checkIdentifier, helper } from './checks';
import { ConfirmDialog } from './ConfirmDialog';
import { SagaCard } from './SagaCard';
import { LISTED_STATES, SAGA_LIMIT, useRepairSaga, useSaga, useSagas, type ListedState, type Repair, type Saga } from './sagas';

const WHAT: Record<Repair, string> = {
  retry: 'runs the direction it failed in again from its first step, with a fresh retry budget. Every step is idempotent.',
  compensate: 'gives back the stock, money and points its steps still hold.',
};

/** Sagas by state (FAILED first), one saga by id, and the repair of a FAILED one after a confirmation. */
export function SagasPanel() {
  const [state, setState] = useState<ListedState>('FAILED');
  const [idText, setIdText] = useState('');
  const [touched, setTouched] = useState(false);
  const [shown, setShown] = useState<string | undefined>(undefined);
  const [asked, setAsked] = useState<{ saga: Saga; action: Repair } | undefined>(undefined);
  const [asking, setAsking] = useState(false);
  const sagas = useSagas(state);
  const one = useSaga(shown);
  const repair = useRepairSaga();
  const idCheck = checkIdentifier(idText, 'a saga id');

  const find = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (idCheck.ok) {
      setShown(idCheck.value);
    }
  };
  const card = (saga: Saga) => (
    <SagaCard key={saga.id} saga={saga} onRepair={(action) => { repair.reset(); setAsked({ saga, action }); setAsking(true); }}
      busy={repair.isPending && repair.variables.id === saga.id ? repair.variables.action : undefined} />
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between' }}>
        <ToggleButtonGroup exclusive size="small" value={state} aria-label="Saga state"
          onChange={(_, value: ListedState | null) => value !== null && setState(value)} sx={{ flexWrap: 'wrap' }}>
          {LISTED_STATES.map((s) => <ToggleButton key={s} value={s}>{s.toLowerCase()}</ToggleButton>)}
        </ToggleButtonGroup>
        <Box component="form" role="search" aria-label="Find a saga" onSubmit={find} noValidate sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
          <TextField size="small" label="Saga id" value={idText} onChange={(e) => setIdText(e.target.value)} {...helper(touched, idCheck)} />
          <Button type="submit" variant="outlined" sx={{ mt: '2px' }}>Show</Button>
        </Box>
      </Box>
      {repair.isSuccess && (
        <Alert severity="success" role="status">
          Saga {repair.data.id} {repair.variables.action === 'retry' ? 'retried' : 'compensated'}: it is now {repair.data.state}.
        </Alert>
      )}
      {repair.isError && <ProblemAlert error={repair.error} />}
      {shown !== undefined && (
        <Box component="section" aria-label="The saga asked for">
          {one.isPending && <Loading label="Loading the saga…" />}
          {one.isError && <ProblemAlert error={one.error} onRetry={() => void one.refetch()} />}
          {one.isSuccess && card(one.data)}
        </Box>
      )}
      <Box component="section" aria-label={`Sagas ${state.toLowerCase()}`} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {sagas.isPending && <Loading label="Loading sagas…" />}
        {sagas.isError && <ProblemAlert error={sagas.error} onRetry={() => void sagas.refetch()} />}
        {sagas.isSuccess && sagas.data.items.length === 0 && <Empty>No {state.toLowerCase()} sagas.</Empty>}
        {sagas.data?.items.map(card)}
        {sagas.data?.more && <Typography color="text.secondary">Showing the first {SAGA_LIMIT}; there are more.</Typography>}
      </Box>
      <ConfirmDialog open={asking} onClose={() => setAsking(false)}
        title={asked?.action === 'retry' ? 'Retry this saga?' : 'Compensate this saga?'}
        confirm={asked?.action === 'retry' ? 'Retry' : 'Compensate'} danger={asked?.action === 'compensate'}
        onConfirm={() => asked !== undefined && repair.mutate({ id: asked.saga.id, action: asked.action })}>
        Saga {asked?.saga.id}: {asked !== undefined ? `${asked.action === 'retry' ? 'Retry' : 'Compensate'} ${WHAT[asked.action]}` : ''}
      </ConfirmDialog>
    </Box>
  );
}
