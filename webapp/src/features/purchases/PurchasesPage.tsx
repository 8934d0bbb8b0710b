import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Empty, Loading } from '../../components/States';
import { isOperator, useMe } from '../auth/api';
import { useProducts } from '../store/api';
import { usePurchases } from './api';
import { PurchaseRow } from './PurchaseRow';

/** My purchases, newest first; operators name a shopper and see theirs. */
export function PurchasesPage() {
  const me = useMe();
  const operator = isOperator(me.data);
  const [filterText, setFilterText] = useState('');
  const [filter, setFilter] = useState<string | undefined>(undefined);
  const purchases = usePurchases(operator ? filter : undefined, !operator || filter !== undefined);
  const products = useProducts();
  const items = purchases.data?.pages.flatMap((p) => p.items) ?? [];
  const applyFilter = (event: FormEvent) => {
    event.preventDefault();
    setFilter(filterText.trim() === '' ? undefined : filterText.trim());
  };

  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>{operator ? 'Purchases' : 'My purchases'}</Typography>
      {operator && (
        <Box component="form" onSubmit={applyFilter} role="search" sx={{ display: 'flex', gap: 1, mb: 2, flexWrap: 'wrap' }}>
          <TextField size="small" label="Shopper" value={filterText} onChange={(e) => setFilterText(e.target.value)} />
          <Button type="submit" variant="outlined">Show</Button>
        </Box>
      )}
      {operator && filter === undefined && <Empty>Name a shopper to see their purchases.</Empty>}
      {purchases.isLoading && <Loading label="Loading purchases…" />}
      {purchases.isError && <ProblemAlert error={purchases.error} onRetry={() => void purchases.refetch()} />}
      {purchases.isSuccess && items.length === 0 && <Empty>No purchases yet.</Empty>}
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {items.map((purchase) => (
          <PurchaseRow key={purchase.purchase_id} purchase={purchase} operator={operator}
            product={products.data?.find((p) => p.id === purchase.productId)} />
        ))}
      </Box>
      {purchases.hasNextPage && (
        <Box sx={{ textAlign: 'center', mt: 2 }}>
          <Button onClick={() => void purchases.fetchNextPage()} loading={purchases.isFetchingNextPage}>Show older</Button>
        </Box>
      )}
    </>
  );
}
