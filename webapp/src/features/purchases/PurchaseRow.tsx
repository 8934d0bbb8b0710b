import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { ProblemAlert } from '../../components/ProblemAlert';
import { amount, dateTime } from '../../lib/format';
import type { Product } from '../store/api';
import { useRefund, type Purchase } from './api';

const STATUS_COLOR: Record<string, 'success' | 'error' | 'warning' | 'info' | 'default'> = {
  COMPLETED: 'success', REJECTED: 'error', COMPENSATED: 'warning', PENDING: 'info', REFUNDING: 'info', REFUNDED: 'default',
};
const STEP_NAME: Record<string, string> = {
  'reserve-stock': 'Reserve stock', 'debit-wallet': 'Pay from wallet', 'issue-points': 'Award points',
};

/** One purchase with its saga steps; operators may refund a completed one. */
export function PurchaseRow({ purchase, product, operator }: { purchase: Purchase; product: Product | undefined; operator: boolean }) {
  const refund = useRefund();
  return (
    <Paper component="article" aria-label={`Purchase of ${product?.name ?? purchase.productId}`} sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
        <Box>
          <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
            {purchase.quantity} × {product?.name ?? `product ${purchase.productId}`}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {dateTime(purchase.created_at)}{operator ? ` · ${purchase.userId}` : ''} · {amount(purchase.total)} coins
            · {amount(purchase.points)} points
          </Typography>
        </Box>
        <Chip label={purchase.status.toLowerCase()} color={STATUS_COLOR[purchase.status] ?? 'default'} data-testid="purchase-status" />
      </Box>
      {purchase.reason !== undefined && <Typography variant="body2" sx={{ mt: 1 }}>Reason: {purchase.reason}</Typography>}
      <Box component="ol" aria-label="Steps" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', listStyle: 'none', p: 0, m: 0, mt: 1 }}>
        {purchase.steps.map((s) => (
          <li key={s.step}><Chip size="small" variant="outlined" label={`${STEP_NAME[s.step] ?? s.step}: ${s.state}`} /></li>
        ))}
      </Box>
      {purchase.refund !== undefined && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          Refunded {amount(purchase.refund.amount)} coins for {purchase.refund.quantity}; {amount(purchase.refund.points_revoked)} points
          taken back{purchase.refund.points_shortfall > 0 ? ` (${amount(purchase.refund.points_shortfall)} were already spent)` : ''}.
        </Typography>
      )}
      {operator && purchase.status === 'COMPLETED' && (
        <Box sx={{ mt: 1 }}>
          <Button variant="outlined" size="small" loading={refund.isPending} onClick={() => refund.mutate(purchase.purchase_id)}>
            Refund
          </Button>
        </Box>
      )}
      {refund.isError && <Box sx={{ mt: 1 }}><ProblemAlert error={refund.error} /></Box>}
    </Paper>
  );
}
