import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { amount } from '../../lib/format';
import type { Product } from '../store/api';
import { useRestock } from './catalogue';
import { checkWhole, helper, MAX_STOCK_CHANGE } from './checks';

/** Adds 1 to 1,000,000 to a product's stock and says how many are in stock now. */
export function RestockForm({ product }: { product: Product }) {
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const restock = useRestock();
  const check = checkWhole(text, 1, MAX_STOCK_CHANGE);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (check.ok) {
      restock.mutate({ id: product.id, quantity: check.value }, { onSuccess: () => { setText(''); setTouched(false); } });
    }
  };

  return (
    <Box component="form" onSubmit={submit} noValidate aria-label={`Restock ${product.name}`}
      sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField size="small" label="Quantity to add" value={text} onChange={(e) => setText(e.target.value)}
          {...helper(touched, check)} slotProps={{ htmlInput: { inputMode: 'numeric' } }} sx={{ width: 170 }} />
        <Button type="submit" variant="outlined" loading={restock.isPending} sx={{ mt: '2px' }}>Restock</Button>
      </Box>
      {restock.isSuccess && <Alert severity="success" role="status">Restocked: {amount(restock.data.stock)} in stock now.</Alert>}
      {restock.isError && <ProblemAlert error={restock.error} />}
    </Box>
  );
}
