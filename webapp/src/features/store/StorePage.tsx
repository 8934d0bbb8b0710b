import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Empty, Loading } from '../../components/States';
import { ProblemAlert } from '../../components/ProblemAlert';
import { accountOf, useMe } from '../auth/api';
import { usePoints } from '../points/api';
import { ProductCard } from './ProductCard';
import { useProducts } from './api';

/** The catalogue: every unicorn, each with its own Buy. */
export function StorePage() {
  const products = useProducts();
  const me = useMe();
  const account = accountOf(me.data);
  const points = usePoints(account);

  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>Unicorns</Typography>
      {products.isPending && <Loading label="Loading the unicorns…" />}
      {products.isError && <ProblemAlert error={products.error} onRetry={() => void products.refetch()} />}
      {products.isSuccess && products.data.length === 0 && <Empty>No unicorns for sale right now.</Empty>}
      {products.isSuccess && products.data.length > 0 && (
        <Box component="ul" aria-label="Unicorns for sale" sx={{
          listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 2,
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', sm: 'repeat(2, minmax(0, 1fr))', lg: 'repeat(4, minmax(0, 1fr))' },
        }}>
          {products.data.map((product) => (
            <li key={product.id}>
              <ProductCard product={product} user={account} pointsBefore={points.data?.balance} />
            </li>
          ))}
        </Box>
      )}
    </>
  );
}
