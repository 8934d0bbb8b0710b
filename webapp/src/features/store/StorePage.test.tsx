import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { derick, fakeApi, problem, renderApp } from '../../test/server';

const air = { id: '1', name: 'Unicorn Air (2023 Model)', description: 'Lastest Unicorn Air model', price: 1700, stock: 4, image: '/images/unicorns/unicorn-air.svg' };

describe('the store', () => {
  it('shows every unicorn with its price and stock', async () => {
    fakeApi({ 'GET /products': { body: [air] }, 'GET /me': problem(401, 'unauthorized', 'log in') });
    renderApp('/');
    const card = await screen.findByRole('article', { name: 'Unicorn Air (2023 Model)' });
    expect(within(card).getByTestId('price')).toHaveTextContent('1,700');
    expect(within(card).getByTestId('stock')).toHaveTextContent('4 in stock');
    expect(within(card).getByRole('button', { name: 'Buy' })).toBeDisabled();
  });

  it('shows a wallet and a points balance of 0 as 0', async () => {
    fakeApi({
      'GET /products': { body: [] }, 'GET /me': { body: derick },
      'GET /users/balance/derick': { body: { username: 'derick', balance: 0 } },
      'GET /points': { body: { account_id: 'derick', balance: 0, balance_entries: [] } },
    });
    renderApp('/');
    await waitFor(() => expect(screen.getByTestId('wallet')).toHaveTextContent('Wallet 0'));
    await waitFor(() => expect(screen.getByTestId('points')).toHaveTextContent('Points 0'));
    expect(screen.getByText('No unicorns for sale right now.')).toBeInTheDocument();
  });

  it('buys, says what was earned, and reads wallet, stock and points again until the points show', async () => {
    let bought = false;
    let pointsReads = 0;
    const api = fakeApi({
      'GET /products': () => ({ body: [{ ...air, stock: bought ? 3 : 4 }] }),
      'GET /me': { body: derick },
      'GET /users/balance/derick': () => ({ body: { username: 'derick', balance: bought ? 1600 : 3300 } }),
      // the projection shows the points only on the third read after the purchase
      'GET /points': () => ({ body: { account_id: 'derick', balance: bought && ++pointsReads >= 3 ? 170 : 0, balance_entries: [] } }),
      'POST /purchase': () => { bought = true; return { status: 201, body: { purchase_id: 'p1', status: 'COMPLETED', total: 1700, points: 170, quantity: 1, productId: '1' } }; },
    });
    renderApp('/');
    const card = await screen.findByRole('article', { name: 'Unicorn Air (2023 Model)' });
    await waitFor(() => expect(screen.getByTestId('points')).toHaveTextContent('Points 0'));
    await userEvent.click(within(card).getByRole('button', { name: 'Buy' }));

    expect(await within(card).findByText(/You earned 170 points/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('wallet')).toHaveTextContent('Wallet 1,600'));
    expect(within(card).getByTestId('stock')).toHaveTextContent('3 in stock');
    await waitFor(() => expect(screen.getByTestId('points')).toHaveTextContent('Points 170'), { timeout: 5000 });
    const purchase = api.calls.find((c) => c.method === 'POST');
    expect(purchase?.body).toEqual({ userId: 'derick', productId: '1', quantity: 1 });
    expect(purchase?.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('says why a purchase failed and stops its progress', async () => {
    fakeApi({
      'GET /products': { body: [air] }, 'GET /me': { body: derick },
      'GET /users/balance/derick': { body: { username: 'derick', balance: 800 } },
      'GET /points': { body: { account_id: 'derick', balance: 0, balance_entries: [] } },
      'POST /purchase': problem(409, 'insufficient-funds', "The wallet of 'derick' holds 800; the purchase costs 1700.", { purchase_status: 'REJECTED' }),
    });
    renderApp('/');
    const card = await screen.findByRole('article', { name: 'Unicorn Air (2023 Model)' });
    await waitFor(() => expect(within(card).getByRole('button', { name: 'Buy' })).toBeEnabled());
    await userEvent.click(within(card).getByRole('button', { name: 'Buy' }));
    const alert = await within(card).findByRole('alert');
    expect(alert).toHaveTextContent('Not enough money in your wallet.');
    expect(alert).toHaveTextContent('holds 800');
    expect(within(card).getByRole('button', { name: 'Buy' })).toBeEnabled();
  });

  it('never sends a quantity the API would refuse', async () => {
    const api = fakeApi({
      'GET /products': { body: [air] }, 'GET /me': { body: derick },
      'GET /users/balance/derick': { body: { username: 'derick', balance: 3300 } },
      'GET /points': { body: { account_id: 'derick', balance: 0, balance_entries: [] } },
    });
    renderApp('/');
    const card = await screen.findByRole('article', { name: 'Unicorn Air (2023 Model)' });
    const input = within(card).getByRole('textbox', { name: /Quantity/ });
    await userEvent.clear(input);
    expect(within(card).getByText('Enter how many to buy.')).toBeInTheDocument();
    await userEvent.type(input, '-1{Enter}');
    expect(within(card).getByText('Buy at least 1.')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Buy' })).toBeDisabled();
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
