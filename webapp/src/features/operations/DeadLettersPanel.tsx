import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Empty, Loading } from '../../components/States';
import { ConfirmDialog } from './ConfirmDialog';
import { DeadLetterItem } from './DeadLetterItem';
import { KNOWN_QUEUES, useDeadLetters, useDeleteDeadLetter, useRedrive } from './deadLetters';

type Asked = { kind: 'redrive'; ids: string[] | undefined } | { kind: 'delete'; id: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A queue's dead letters a page at a time; re-drive the selected or all, delete one, each after a confirmation. */
export function DeadLettersPanel() {
  const [queue, setQueue] = useState(KNOWN_QUEUES[0]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [asked, setAsked] = useState<Asked | undefined>(undefined);
  const [asking, setAsking] = useState(false);
  const letters = useDeadLetters(queue);
  const redrive = useRedrive(queue);
  const remove = useDeleteDeadLetter(queue);
  const items = letters.data?.pages.flatMap((p) => p.items) ?? [];

  const choose = (next: string) => { setQueue(next); setSelected(new Set()); redrive.reset(); remove.reset(); };
  const select = (id: string, on: boolean) => setSelected((s) => { const n = new Set(s); if (on) { n.add(id); } else { n.delete(id); } return n; });
  const run = (a: Asked) => {
    redrive.reset();
    remove.reset();
    if (a.kind === 'redrive') {
      redrive.mutate(a.ids, { onSuccess: () => setSelected(new Set()) });
    } else {
      remove.mutate(a.id, { onSuccess: (id) => select(id, false) });
    }
  };
  const ask = (a: Asked) => () => { setAsked(a); setAsking(true); };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField select size="small" label="Queue" value={queue} onChange={(e) => choose(e.target.value)} sx={{ minWidth: 240, maxWidth: '100%' }}>
          {KNOWN_QUEUES.map((q) => <MenuItem key={q} value={q}>{q}</MenuItem>)}
        </TextField>
        <Button variant="contained" disabled={selected.size === 0 || remove.isPending} loading={redrive.isPending && redrive.variables !== undefined}
          onClick={ask({ kind: 'redrive', ids: [...selected] })}>Re-drive selected ({selected.size})</Button>
        <Button variant="outlined" disabled={items.length === 0 || remove.isPending} loading={redrive.isPending && redrive.variables === undefined}
          onClick={ask({ kind: 'redrive', ids: undefined })}>Re-drive all</Button>
      </Box>
      {redrive.isSuccess && (
        <Alert severity="success" role="status">
          Re-drove {plural(redrive.data.redriven.length, 'message')} back to {queue}.
          {redrive.variables !== undefined && redrive.data.redriven.length < redrive.variables.length
            && ` ${plural(redrive.variables.length - redrive.data.redriven.length, 'selected message')} not found in the dead-letter queue just now (another sweep may hold it): still listed.`}
        </Alert>
      )}
      {remove.isSuccess && <Alert severity="success" role="status">Deleted dead letter {remove.data}.</Alert>}
      {redrive.isError && <ProblemAlert error={redrive.error} />}
      {remove.isError && <ProblemAlert error={remove.error} />}
      {letters.isPending && <Loading label="Loading dead letters…" />}
      {letters.isError && <ProblemAlert error={letters.error} onRetry={() => void letters.refetch()} />}
      {letters.isSuccess && items.length === 0 && <Empty>No dead letters on {queue}.</Empty>}
      <Box component="ul" aria-label={`Dead letters of ${queue}`} sx={{ listStyle: 'none', p: 0, m: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
        {items.map((letter) => (
          <DeadLetterItem key={letter.id} letter={letter} selected={selected.has(letter.id)} onSelect={(on) => select(letter.id, on)}
            onDelete={ask({ kind: 'delete', id: letter.id })} deleting={remove.isPending && remove.variables === letter.id} />
        ))}
      </Box>
      {letters.hasNextPage && (
        <Box sx={{ textAlign: 'center' }}>
          <Button onClick={() => void letters.fetchNextPage()} loading={letters.isFetchingNextPage}>Show more</Button>
        </Box>
      )}
      <ConfirmDialog open={asking} onClose={() => setAsking(false)} onConfirm={() => asked !== undefined && run(asked)}
        title={asked?.kind === 'delete' ? 'Delete this dead letter?' : 'Re-drive dead letters?'}
        confirm={asked?.kind === 'delete' ? 'Delete' : 'Re-drive'} danger={asked?.kind === 'delete'}>
        {asked?.kind === 'delete' && `Dead letter ${asked.id} and its message are removed from ${queue} for good.`}
        {asked?.kind === 'redrive' && `${asked.ids === undefined ? 'Every dead letter' : plural(asked.ids.length, 'dead letter')} of ${queue} will be sent back to the queue and handled again (a command that once succeeded changes nothing).`}
      </ConfirmDialog>
    </Box>
  );
}
