import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { Empty } from '../../components/States';
import { amount, date, daysUntil } from '../../lib/format';
import type { BalanceEntry } from './api';

export const SOON_DAYS = 30;

/** The unexpired buckets, soonest expiry first; points expiring within 30 days are highlighted. */
export function Buckets({ entries, now = Date.now() }: { entries: BalanceEntry[]; now?: number }) {
  const live = entries.filter((e) => e.status === 'active' && e.balance > 0)
    .sort((a, b) => a.expires_at.localeCompare(b.expires_at));
  if (live.length === 0) {
    return <Empty>You have no unexpired points.</Empty>;
  }
  return (
    <Table size="small" aria-label="Unexpired points by expiry">
      <TableHead>
        <TableRow>
          <TableCell>Earned on</TableCell>
          <TableCell align="right">Points left</TableCell>
          <TableCell>Expire on</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {live.map((entry) => {
          const days = daysUntil(entry.expires_at, now);
          const soon = days < SOON_DAYS;
          return (
            <TableRow key={entry.issued_date} data-soon={soon} sx={soon ? { bgcolor: 'warning.light' } : undefined}>
              <TableCell>{date(entry.issued_date)}</TableCell>
              <TableCell align="right">{amount(entry.balance)}</TableCell>
              <TableCell>
                {date(entry.expires_at)}
                {soon && <Chip size="small" color="warning" sx={{ ml: 1 }} label={days <= 0 ? 'expires today' : days === 1 ? 'in 1 day' : `in ${days} days`} />}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
