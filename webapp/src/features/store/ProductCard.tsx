import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardMedia from '@mui/material/CardMedia';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState, type FormEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ApiError, newKey } from '../../lib/api';
import { amount } from '../../lib/format';
import { atLeast, usePointsArrival } from '../points/arrival';
import { checkQuantity, MAX_QUANTITY } from './quantity';
import { usePurchase, type Product } from './api';

/** One unicorn: picture, facts, a quantity that refuses what the API would refuse, and Buy. */
export function ProductCard({ product, user, pointsBefore }: {
  product: Product;
  user: string | undefined;
  pointsBefore: number | undefined;
}) {
  const [quantityText, setQuantityText] = useState('1');
  const [retryKey, setRetryKey] = useState<string | undefined>(undefined);
  const purchase = usePurchase(user ?? '');
  const arrival = usePointsArrival();
  const titleId = useId();
  const check = checkQuantity(quantityText, product.stock);
  const soldOut = product.stock === 0;

  const buy = (event: FormEvent) => {
    event.preventDefault();
    if (!check.ok || user === undefined) {
      return;
    }
    const key = retryKey ?? newKey();
    purchase.mutate({ productId: product.id, quantity: check.value, key }, {
      onSuccess: (result) => {
        setRetryKey(undefined);
        if (result.points > 0 && pointsBefore !== undefined) {
          arrival.expect(user, atLeast(pointsBefore + result.points));
        }
      },
      // only an unknown outcome keeps its key: the retry then settles that very purchase
      onError: (error) => setRetryKey(error instanceof ApiError && error.code === 'outcome-unknown' ? key : undefined),
    });
  };

  return (
    <Card component="article" aria-labelledby={titleId} sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <CardMedia component="img" image={product.image ?? '/images/unicorns/unicorn-air.svg'} alt={`Picture of ${product.name}`}
        sx={{ height: 180, objectFit: 'contain', bgcolor: 'grey.100', p: 1 }} />
      <CardContent sx={{ flexGrow: 1 }}>
        <Typography id={titleId} variant="h6" component="h2">{product.name}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{product.description}</Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="p" data-testid="price" aria-label={`Price ${product.price}`}>
            {amount(product.price)} <Typography component="span" variant="body2">coins</Typography>
          </Typography>
          <Chip data-testid="stock" label={soldOut ? 'Out of stock' : `${product.stock} in stock`}
            color={soldOut ? 'default' : product.stock <= 2 ? 'warning' : 'success'} variant="outlined" />
        </Box>
      </CardContent>
      <Box component="form" onSubmit={buy} noValidate sx={{ display: 'flex', flexDirection: 'column', alignItems: 'stretch', gap: 1, px: 2, pb: 2 }}>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
          <TextField label="Quantity" size="small" value={quantityText} disabled={soldOut}
            onChange={(e) => { setQuantityText(e.target.value); setRetryKey(undefined); }}
            error={!check.ok && !soldOut} helperText={!check.ok && !soldOut ? check.message : ' '}
            slotProps={{ htmlInput: { inputMode: 'numeric', min: 1, max: Math.min(MAX_QUANTITY, product.stock), 'aria-label': `Quantity of ${product.name}` } }}
            sx={{ width: 130 }} />
          <Button type="submit" variant="contained" sx={{ flexGrow: 1, mt: '2px' }} loading={purchase.isPending}
            loadingPosition="start" disabled={!check.ok || user === undefined}>
            {purchase.isPending ? 'Buying…' : retryKey !== undefined ? 'Try again' : 'Buy'}
          </Button>
        </Box>
        {user === undefined && <Typography variant="body2" color="text.secondary">Log in as a shopper to buy.</Typography>}
        {purchase.isSuccess && (
          <Alert severity="success" role="status">
            Bought {purchase.data.quantity} for {amount(purchase.data.total)} coins.{' '}
            {purchase.data.points > 0 ? `You earned ${amount(purchase.data.points)} points.` : 'This purchase earned no points.'}
          </Alert>
        )}
        {purchase.isError && <ProblemAlert error={purchase.error} />}
      </Box>
    </Card>
  );
}
