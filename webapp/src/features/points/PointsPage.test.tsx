import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { derick, fakeApi, problem, renderApp } from '../../test/server';

const day = 24 * 60 * 60 * 1000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();
const balance = (points: number) => ({
  account_id: 'derick', balance: points, balance_entries: [
    { issued_date: iso(-350), balance: 30, last_updated: iso(-350), status: 'active', expires_at: iso(10) },
    { issued_date: iso(-5), balance: points - 30, last_updated: iso(-5), status: 'active', expires_at: iso(360) },
  ],
});
const history = {
  items: [
    { id: 'e2', date_time: iso(-5), account_id: 'derick', transaction_type: 'issue', amount: 170, principal: 'derick', channel: 'web' },
    { id: 'e1', date_time: iso(-350), account_id: 'derick', transaction_type: 'issue', amount: 30, principal: 'local-demo' },
  ],
  next_cursor: 'older',
};

function api(extra = {}) {
  return fakeApi({
    'GET /me': { body: derick }, 'GET /products': { body: [] },
    'GET /users/balance/derick': { body: { username: 'derick', balance: 1600 } },
    'GET /points': { body: balance(200) },
    'GET /points/history': { body: history },
    'GET /points/history?account_id=derick&limit=10&cursor=older': { body: { items: [], next_cursor: null } },
    ...extra,
  });
}

describe('the points centre', () => {
  it('shows the balance, highlights points expiring within 30 days, and who did each change', async () => {
    api();
    renderApp('/points-centre');
    expect(await screen.findByTestId('points-balance')).toHaveTextContent('200');
    const buckets = await screen.findByRole('table', { name: 'Unexpired points by expiry' });
    const rows = within(buckets).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveAttribute('data-soon', 'true');
    expect(rows[0]).toHaveTextContent('in 10 days');
    expect(rows[1]).toHaveAttribute('data-soon', 'false');
    const events = await screen.findByRole('table', { name: 'Points history' });
    expect(within(events).getByText('derick via web')).toBeInTheDocument();
    expect(within(events).getByText('local-demo')).toBeInTheDocument();
  });

  it('pages through older history', async () => {
    const calls = api().calls;
    renderApp('/points-centre');
    await userEvent.click(await screen.findByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(calls.some((c) => c.path.includes('cursor=older'))).toBe(true));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Show older' })).not.toBeInTheDocument());
  });

  it('explains a redemption refused for want of points', async () => {
    api({ 'DELETE /points': problem(409, 'insufficient-points', "Account 'derick' has 200 unexpired points; 500 were asked for.", { available: 200, requested: 500 }) });
    renderApp('/points-centre');
    await userEvent.type(await screen.findByRole('textbox', { name: 'Points to redeem' }), '500');
    await userEvent.click(screen.getByRole('button', { name: 'Redeem' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not enough points: you asked for 500 and 200 are unexpired.');
  });

  it('redeems and reads the balance again until the projection shows the redemption', async () => {
    let redeemed = false;
    let readsAfter = 0;
    const { calls } = api({
      // the read model lags: the first read after the redemption still shows the old balance
      'GET /points': () => ({ body: balance(redeemed && ++readsAfter >= 2 ? 150 : 200) }),
      'DELETE /points': () => { redeemed = true; return { body: { id: 'e3', date_time: iso(0), account_id: 'derick', transaction_type: 'redeem', amount: 50 } }; },
    });
    renderApp('/points-centre');
    await userEvent.type(await screen.findByRole('textbox', { name: 'Points to redeem' }), '50');
    await userEvent.click(screen.getByRole('button', { name: 'Redeem' }));
    expect(await screen.findByText('Redeemed 50 points.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('points-balance')).toHaveTextContent('150'), { timeout: 5000 });
    expect(calls.find((c) => c.method === 'DELETE')?.body).toEqual({ account_id: 'derick', amount: 50 });
  });
});
