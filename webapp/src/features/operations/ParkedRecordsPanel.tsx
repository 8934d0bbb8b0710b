import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Empty, Loading } from '../../components/States';
import { ConfirmDialog } from './ConfirmDialog';
import { ParkedRecordItem } from './ParkedRecordItem';
import { useDiscard, useParkedRecords, useReapply, type ParkedRecord } from './parked';

type Asked = { kind: 'reapply' | 'discard'; record: ParkedRecord };

/** The records the projection parked, newest first; re-apply one (a repair rebuild of its account) or discard it, each after a confirmation. */
export function ParkedRecordsPanel() {
  const [asked, setAsked] = useState<Asked | undefined>(undefined);
  const [asking, setAsking] = useState(false);
  const records = useParkedRecords();
  const reapply = useReapply();
  const discard = useDiscard();
  const items = records.data?.pages.flatMap((p) => p.items) ?? [];

  const run = (a: Asked) => {
    reapply.reset();
    discard.reset();
    if (a.kind === 'reapply') {
      reapply.mutate(a.record.id);
    } else {
      discard.mutate(a.record.id);
    }
  };
  const ask = (a: Asked) => () => { setAsked(a); setAsking(true); };
  const busy = (record: ParkedRecord) => (reapply.isPending && reapply.variables === record.id ? 'reapply'
    : discard.isPending && discard.variables === record.id ? 'discard' : undefined);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography color="text.secondary">
        Records the balance projection set aside so the stream kept flowing. Deal with the cause, re-apply (a repair rebuild of
        the account), then discard once the rebuild repaired it.
      </Typography>
      {reapply.isSuccess && (
        <Alert severity="success" role="status">
          Re-applying account {reapply.data.account_id} in rebuild {reapply.data.job_id}: follow it
          under <RouterLink to="/operations/projection">Projection rebuild</RouterLink>.
        </Alert>
      )}
      {discard.isSuccess && <Alert severity="success" role="status">Discarded the parked record.</Alert>}
      {reapply.isError && <ProblemAlert error={reapply.error} />}
      {discard.isError && <ProblemAlert error={discard.error} />}
      {records.isPending && <Loading label="Loading parked records…" />}
      {records.isError && <ProblemAlert error={records.error} onRetry={() => void records.refetch()} />}
      {records.isSuccess && items.length === 0 && <Empty>No parked records.</Empty>}
      <Box component="ul" aria-label="Parked records" sx={{ listStyle: 'none', p: 0, m: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
        {items.map((record) => (
          <ParkedRecordItem key={record.id} record={record} busy={busy(record)}
            onReapply={ask({ kind: 'reapply', record })} onDiscard={ask({ kind: 'discard', record })} />
        ))}
      </Box>
      {records.hasNextPage && (
        <Box sx={{ textAlign: 'center' }}>
          <Button onClick={() => void records.fetchNextPage()} loading={records.isFetchingNextPage}>Show more</Button>
        </Box>
      )}
      <ConfirmDialog open={asking} onClose={() => setAsking(false)} onConfirm={() => asked !== undefined && run(asked)}
        title={asked?.kind === 'discard' ? 'Discard this parked record?' : 'Re-apply this parked record?'}
        confirm={asked?.kind === 'discard' ? 'Discard' : 'Re-apply'} danger={asked?.kind === 'discard'}>
        {asked?.kind === 'discard' && `The record ${asked.record.source} ${asked.record.key} is removed for good.`}
        {asked?.kind === 'reapply' && `The balance view of account ${asked.record.account_id} will be rebuilt from the event store and overwritten where it differs.`}
      </ConfirmDialog>
    </Box>
  );
}
