import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { Product } from '../store/api';
import { useCreateProduct, useEditProduct, type ChangedProduct, type ProductEdit } from './catalogue';
import { checkIdentifier, checkText, checkWhole, helper, MAX_PRICE, MAX_STOCK_CHANGE, type Check } from './checks';

type Field = 'id' | 'name' | 'description' | 'image' | 'price' | 'stock';
type Values = Record<Field, string>;

const LABELS: Record<Field, string> = {
  id: 'Product id', name: 'Name', description: 'Description', image: 'Image path', price: 'Price', stock: 'Stock',
};

function checks(values: Values): Record<Field, Check<string | number>> {
  return {
    id: checkIdentifier(values.id, 'a product id'),
    name: checkText(values.name),
    description: checkText(values.description),
    image: checkText(values.image),
    price: checkWhole(values.price, 0, MAX_PRICE),
    stock: checkWhole(values.stock, 0, MAX_STOCK_CHANGE),
  };
}

const blank: Values = { id: '', name: '', description: '', image: '/images/unicorns/', price: '', stock: '0' };
const valuesOf = (p: Product): Values => ({
  id: p.id, name: p.name, description: p.description, image: p.image ?? '', price: String(p.price), stock: String(p.stock),
});

/** Creates a product, or edits one's name, description, image and price (only what changed is sent). */
export function ProductForm({ product, onSaved, onCancel }: {
  product?: Product;
  onSaved?: (saved: ChangedProduct) => void;
  onCancel?: () => void;
}) {
  const editing = product !== undefined;
  const [values, setValues] = useState<Values>(editing ? valuesOf(product) : blank);
  const [touched, setTouched] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const create = useCreateProduct();
  const edit = useEditProduct();
  const mutation = editing ? edit : create;
  const fields: Field[] = editing ? ['name', 'description', 'image', 'price'] : ['id', 'name', 'description', 'image', 'price', 'stock'];
  const checked = checks(values);
  const valid = fields.every((f) => checked[f].ok);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    setUnchanged(false);
    if (!valid) {
      return;
    }
    if (!editing) {
      create.mutate({ id: values.id.trim(), name: values.name, description: values.description, image: values.image,
        price: Number(values.price), stock: Number(values.stock) }, { onSuccess: () => setValues(blank) });
      return;
    }
    const change: ProductEdit = {};
    const before = valuesOf(product);
    (['name', 'description', 'image'] as const).filter((f) => values[f] !== before[f]).forEach((f) => { change[f] = values[f]; });
    if (values.price.trim() !== before.price) {
      change.price = Number(values.price);
    }
    if (Object.keys(change).length === 0) {
      setUnchanged(true);
    } else {
      edit.mutate({ id: product.id, change }, { onSuccess: (saved) => onSaved?.(saved) });
    }
  };

  return (
    <Box component="form" onSubmit={submit} noValidate aria-label={editing ? `Edit ${product.name}` : 'New product'}
      sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
        {fields.map((f) => (
          <TextField key={f} size="small" label={LABELS[f]} value={values[f]} multiline={f === 'description'}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))} {...helper(touched, checked[f])}
            slotProps={{ htmlInput: f === 'price' || f === 'stock' ? { inputMode: 'numeric' } : {} }} />
        ))}
      </Box>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button type="submit" variant="contained" loading={mutation.isPending}>{editing ? 'Save' : 'Create product'}</Button>
        {onCancel !== undefined && <Button onClick={onCancel}>Cancel</Button>}
      </Box>
      {unchanged && <Alert severity="info" role="status">Nothing changed: there is nothing to save.</Alert>}
      {create.isSuccess && <Alert severity="success" role="status">Created {create.data.name} ({create.data.id}), {create.data.stock} in stock.</Alert>}
      {mutation.isError && <ProblemAlert error={mutation.error} />}
    </Box>
  );
}
