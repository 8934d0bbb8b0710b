import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { lazy, Suspense, type ReactNode } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Empty, Loading } from '../../components/States';
import { amount } from '../../lib/format';
import { accountOf, useMe } from '../auth/api';
import { useHistory, usePoints } from './api';
import { balanceSeries } from './balanceSeries';
import { Buckets } from './Buckets';
import { History } from './History';
import { RedeemForm } from './RedeemForm';

const BalanceChart = lazy(() => import('./BalanceChart'));

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper component="section" aria-label={title} sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" gutterBottom>{title}</Typography>
      {children}
    </Paper>
  );
}

/** The points centre: balance, buckets with expiry, redeem, the balance over time and the history. */
export function PointsPage() {
  const me = useMe();
  const account = accountOf(me.data);
  const points = usePoints(account);
  const history = useHistory(account);
  if (account === undefined) {
    return <Empty>The points centre is for shoppers.</Empty>;
  }
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' } }}>
      <Typography variant="h4" component="h1" sx={{ gridColumn: '1 / -1' }}>Points centre</Typography>
      <Section title="Balance">
        {points.isPending && <Loading label="Loading your points…" />}
        {points.isError && <ProblemAlert error={points.error} onRetry={() => void points.refetch()} />}
        {points.isSuccess && (
          <>
            <Typography variant="h3" component="p" data-testid="points-balance">{amount(points.data.balance)}</Typography>
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              points{points.arriving ? ' · updating…' : ''}
            </Typography>
            <RedeemForm account={account} balance={points.data.balance} />
          </>
        )}
      </Section>
      <Section title="Unexpired points">
        {points.isPending && <Loading label="Loading your points…" />}
        {points.isSuccess && <Buckets entries={points.data.balance_entries} />}
      </Section>
      <Section title="Balance over time">
        {(points.isPending || history.isPending) && <Loading label="Loading the chart…" />}
        {points.isSuccess && history.isSuccess && (items.length === 0
          ? <Empty>Nothing to chart yet.</Empty>
          : <Suspense fallback={<Loading label="Loading the chart…" />}>
              <BalanceChart points={balanceSeries(points.data.balance, items)} />
            </Suspense>)}
      </Section>
      <Section title="History">
        {history.isPending && <Loading label="Loading the history…" />}
        {history.isError && <ProblemAlert error={history.error} onRetry={() => void history.refetch()} />}
        {history.isSuccess && (
          <History items={items} hasMore={history.hasNextPage} loadingMore={history.isFetchingNextPage}
            onMore={() => void history.fetchNextPage()} />
        )}
      </Section>
    </Box>
  );
}
