import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { dateTime } from '../../lib/format';
import type { DeadLetter } from './deadLetters';

/** One parked message: why, how often it was received, since when, its body; select it or delete it. */
export function DeadLetterItem({ letter, selected, onSelect, onDelete, deleting }: {
  letter: DeadLetter;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onDelete: () => void;
  deleting: boolean;
}) {
  return (
    <Paper component="li" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }} aria-label={`Dead letter ${letter.id}`}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <FormControlLabel sx={{ minWidth: 0, mr: 0 }}
          control={<Checkbox checked={selected} onChange={(e) => onSelect(e.target.checked)} />}
          label={<Typography component="span" sx={{ fontWeight: 600, wordBreak: 'break-all' }}>{letter.id}</Typography>} />
        <Button size="small" color="error" variant="outlined" onClick={onDelete} loading={deleting}
          aria-label={`Delete dead letter ${letter.id}`}>Delete</Button>
      </Box>
      <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>Reason: {letter.reason}</Typography>
      <Typography variant="body2" color="text.secondary">
        Received {letter.receive_count} time{letter.receive_count === 1 ? '' : 's'} · first seen {dateTime(letter.first_seen)}
      </Typography>
      <Box component="pre" tabIndex={0} aria-label={`Body of ${letter.id}`}
        sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, fontSize: 12, maxHeight: 120, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {letter.body === '' ? '(empty body)' : letter.body}
      </Box>
    </Paper>
  );
}
