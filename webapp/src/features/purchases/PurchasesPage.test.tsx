import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { admin, derick, fakeApi, problem, renderApp } from '../../test/server';

const purchase = (id: string, status: string) => ({
  purchase_id: id, status, userId: 'derick', productId: '1', quantity: 1, total: 1700, points: 170,
  created_at: '2025-03-01T10:00:00Z',
  steps: [{ step: 'reserve-stock', state: 'completed' }, { step: 'debit-wallet', state: 'completed' }, { step: 'issue-points', state: 'completed' }],
});
const products = { body: [{ id: '1', name: 'Unicorn Air (2023 Model)', description: '', price: 1700, stock: 3 }] };

describe('the purchases page', () => {
  it("lists a shopper's purchases with their status and every saga step, and no refund", async () => {
    fakeApi({
      'GET /me': { body: derick }, 'GET /products': products,
      'GET /users/balance/derick': { body: { username: 'derick', balance: 1600 } },
      'GET /points': { body: { account_id: 'derick', balance: 170, balance_entries: [] } },
      'GET /purchases': { body: { items: [purchase('p1', 'COMPLETED')], next_cursor: null } },
    });
    renderApp('/purchase-history');
    const row = await screen.findByRole('article', { name: 'Purchase of Unicorn Air (2023 Model)' });
    expect(within(row).getByTestId('purchase-status')).toHaveTextContent('completed');
    expect(within(row).getByText('Award points: completed')).toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: 'Refund' })).not.toBeInTheDocument();
  });

  it('shows an empty list in words', async () => {
    fakeApi({
      'GET /me': { body: derick }, 'GET /products': products,
      'GET /users/balance/derick': { body: { username: 'derick', balance: 3300 } },
      'GET /points': { body: { account_id: 'derick', balance: 0, balance_entries: [] } },
      'GET /purchases': { body: { items: [], next_cursor: null } },
    });
    renderApp('/purchase-history');
    expect(await screen.findByText('No purchases yet.')).toBeInTheDocument();
  });

  it('lets an operator name a shopper and refund, and explains a refused refund', async () => {
    const { calls } = fakeApi({
      'GET /me': { body: admin }, 'GET /products': products,
      'GET /purchases?user_id=derick&limit=10': { body: { items: [purchase('p1', 'COMPLETED')] } },
      'POST /purchase/p1/refund': problem(409, 'refund-window-closed', 'The purchase was completed more than P30D ago.'),
    });
    renderApp('/purchase-history');
    expect(await screen.findByText('Name a shopper to see their purchases.')).toBeInTheDocument();
    expect(calls.some((c) => c.path.startsWith('/purchases'))).toBe(false);
    await userEvent.type(await screen.findByLabelText('Shopper'), 'derick');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(calls.some((c) => c.path.startsWith('/purchases?user_id=derick'))).toBe(true));
    await userEvent.click(await screen.findByRole('button', { name: 'Refund' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The refund window of this purchase has closed.');
  });
});
