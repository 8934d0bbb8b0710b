import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { Empty } from '../../components/States';
import { amount, dateTime } from '../../lib/format';
import type { HistoryItem } from './api';
import { change } from './balanceSeries';

const WHAT: Record<HistoryItem['transaction_type'], string> = {
  issue: 'Earned',
  redeem: 'Redeemed',
  expire: 'Expired',
  revoke: 'Taken back (refund)',
};

/** Who or which channel made the change, as far as the event says. */
export function who(item: HistoryItem): string {
  const parts = [item.principal, item.channel !== undefined ? `via ${item.channel}` : undefined].filter((p) => p !== undefined);
  if (parts.length > 0) {
    return parts.join(' ');
  }
  return item.transaction_type === 'expire' ? 'the store (expiry)' : '—';
}

/** The points history, newest first, a page at a time. */
export function History({ items, hasMore, loadingMore, onMore }: {
  items: HistoryItem[];
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
}) {
  if (items.length === 0) {
    return <Empty>No points activity yet. Buy a unicorn to earn some.</Empty>;
  }
  return (
    <>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="Points history">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>What</TableCell>
              <TableCell align="right">Points</TableCell>
              <TableCell>By</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((item) => (
              <TableRow key={item.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{dateTime(item.date_time)}</TableCell>
                <TableCell>{WHAT[item.transaction_type]}</TableCell>
                <TableCell align="right">{change(item) > 0 ? '+' : '−'}{amount(item.amount)}</TableCell>
                <TableCell>{who(item)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {hasMore && (
        <Box sx={{ textAlign: 'center', mt: 1 }}>
          <Button onClick={onMore} loading={loadingMore}>Show older</Button>
        </Box>
      )}
    </>
  );
}
