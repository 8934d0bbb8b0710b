import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Empty, Loading } from '../../components/States';
import { amount } from '../../lib/format';
import { useProducts, type Product } from '../store/api';
import type { ChangedProduct } from './catalogue';
import { ProductForm } from './ProductForm';
import { RestockForm } from './RestockForm';

function ProductRow({ product }: { product: Product }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<ChangedProduct | undefined>(undefined);
  return (
    <Paper component="li" aria-label={product.name} sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>{product.name}</Typography>
          <Typography variant="body2" color="text.secondary" data-testid="product-figures">
            id {product.id} · price {amount(product.price)} · {amount(product.stock)} in stock
          </Typography>
        </Box>
        {!editing && <Button size="small" variant="outlined" onClick={() => { setSaved(undefined); setEditing(true); }}
          aria-label={`Edit ${product.name}`}>Edit</Button>}
      </Box>
      {editing && <ProductForm product={product} onCancel={() => setEditing(false)}
        onSaved={(p) => { setSaved(p); setEditing(false); }} />}
      {saved !== undefined && <Alert severity="success" role="status">Saved {saved.name} (by {saved.changed_by}).</Alert>}
      <RestockForm product={product} />
    </Paper>
  );
}

/** The catalogue as operators change it: create a product, edit one, restock; the store reads it again after each. */
export function CataloguePanel() {
  const products = useProducts();
  const [creating, setCreating] = useState(false);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box>
        <Button variant={creating ? 'text' : 'contained'} onClick={() => setCreating((c) => !c)} aria-expanded={creating}>
          {creating ? 'Close the new product form' : 'New product'}
        </Button>
      </Box>
      {creating && <Paper sx={{ p: 2 }}><ProductForm /></Paper>}
      {products.isPending && <Loading label="Loading the catalogue…" />}
      {products.isError && <ProblemAlert error={products.error} onRetry={() => void products.refetch()} />}
      {products.isSuccess && products.data.length === 0 && <Empty>No products yet.</Empty>}
      <Box component="ul" aria-label="Products" sx={{ listStyle: 'none', p: 0, m: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
        {products.data?.map((p) => <ProductRow key={p.id} product={p} />)}
      </Box>
    </Box>
  );
}
