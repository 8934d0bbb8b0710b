import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { admin, fakeApi, problem, renderApp } from '../../test/server';

const air = { id: '1', name: 'Unicorn Air (2023 Model)', description: 'Lastest Unicorn Air model', price: 1700, stock: 4, image: '/images/unicorns/unicorn-air.svg' };
const changed = { changed_by: 'admin', changed_at: '2026-12-01T10:00:00Z' };

async function fill(form: HTMLElement, label: string, text: string) {
  const field = within(form).getByLabelText(label);
  await userEvent.clear(field);
  if (text !== '') {
    await userEvent.type(field, text);
  }
}

describe('the catalogue panel', () => {
  it('refuses a new product the API would refuse, naming each field, and sends nothing', async () => {
    const { calls } = fakeApi({ 'GET /me': { body: admin }, 'GET /products': { body: [air] } });
    renderApp('/operations/catalogue');
    await userEvent.click(await screen.findByRole('button', { name: 'New product' }));
    const form = screen.getByRole('form', { name: 'New product' });
    await fill(form, 'Product id', 'has space');
    await fill(form, 'Name', '   ');
    await fill(form, 'Price', '12.5');
    await fill(form, 'Stock', '1000001');
    await userEvent.click(within(form).getByRole('button', { name: 'Create product' }));

    expect(within(form).getByText(/Use 1-64 characters/)).toBeInTheDocument();
    expect(within(form).getAllByText('Required.')).toHaveLength(2); // name and description
    expect(within(form).getByText('Enter a whole number.')).toBeInTheDocument();
    expect(within(form).getByText('From 0 to 1,000,000.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  }, 15_000);

  it('creates a product, says so and reads the catalogue again; a second time it shows the 409', async () => {
    let created = false;
    const { calls } = fakeApi({
      'GET /me': { body: admin },
      'GET /products': () => ({ body: created ? [air, { ...air, id: 'pink', name: 'Pink', stock: 2 }] : [air] }),
      'POST /products': () => {
        if (created) {
          return problem(409, 'product-exists', "A product with id 'pink' exists already.");
        }
        created = true;
        return { status: 201, body: { ...air, id: 'pink', name: 'Pink', description: 'pink', stock: 2, ...changed } };
      },
    });
    renderApp('/operations/catalogue');
    await userEvent.click(await screen.findByRole('button', { name: 'New product' }));
    const form = screen.getByRole('form', { name: 'New product' });
    const create = async () => {
      await fill(form, 'Product id', 'pink');
      await fill(form, 'Name', 'Pink');
      await fill(form, 'Description', 'pink');
      await fill(form, 'Image path', '/images/unicorns/unicorn-mini.svg');
      await fill(form, 'Price', '900');
      await fill(form, 'Stock', '2');
      await userEvent.click(within(form).getByRole('button', { name: 'Create product' }));
    };
    await create();
    expect(await within(form).findByText('Created Pink (pink), 2 in stock.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      id: 'pink', name: 'Pink', description: 'pink', image: '/images/unicorns/unicorn-mini.svg', price: 900, stock: 2,
    });
    expect(await screen.findByRole('listitem', { name: 'Pink' })).toBeInTheDocument();

    await create();
    expect(await within(form).findByRole('alert')).toHaveTextContent('A product with this id exists already.');
    expect(within(form).getByRole('button', { name: 'Create product' })).toBeEnabled();
  }, 15_000);

  it('edits only what changed, and refuses to save nothing', async () => {
    const { calls } = fakeApi({
      'GET /me': { body: admin }, 'GET /products': { body: [air] },
      'PATCH /products/1': { body: { ...air, price: 1800, ...changed } },
    });
    renderApp('/operations/catalogue');
    const row = await screen.findByRole('listitem', { name: air.name });
    await userEvent.click(within(row).getByRole('button', { name: `Edit ${air.name}` }));
    const form = within(row).getByRole('form', { name: `Edit ${air.name}` });
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByText('Nothing changed: there is nothing to save.')).toBeInTheDocument();

    await fill(form, 'Price', '1800');
    await userEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(row).findByText('Saved Unicorn Air (2023 Model) (by admin).')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ price: 1800 });
  });

  it('restocks within 1 to 1,000,000 only, and shows the new stock in the catalogue', async () => {
    let stock = 4;
    const { calls } = fakeApi({
      'GET /me': { body: admin },
      'GET /products': () => ({ body: [{ ...air, stock }] }),
      'POST /products/1/restock': ({ body }) => { stock += (body as { quantity: number }).quantity; return { body: { ...air, stock, ...changed } }; },
    });
    renderApp('/operations/catalogue');
    const form = await screen.findByRole('form', { name: `Restock ${air.name}` });
    for (const bad of ['0', '1000001', 'x']) {
      await fill(form, 'Quantity to add', bad);
      await userEvent.click(within(form).getByRole('button', { name: 'Restock' }));
      expect(within(form).getByText(/From 1 to 1,000,000\.|Enter a whole number\./)).toBeInTheDocument();
    }
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await fill(form, 'Quantity to add', '3');
    await userEvent.click(within(form).getByRole('button', { name: 'Restock' }));
    expect(await within(form).findByText('Restocked: 7 in stock now.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('product-figures')).toHaveTextContent('7 in stock'));
  });
});
