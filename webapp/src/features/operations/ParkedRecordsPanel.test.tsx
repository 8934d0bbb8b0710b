import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { admin, fakeApi, problem, renderApp } from '../../test/server';

const parked = (key: string, account?: string) => ({
  id: `id-${key.replace('#', '-')}`, source: 'point-events', key, ...(account === undefined ? {} : { account_id: account }),
  reason: 'amount: must be a positive whole number', parked_at: '2026-12-01T14:32:22Z',
});

const job = { job_id: 'job-7', state: 'RUNNING', account_id: 'poison', repair: true, started_by: 'admin', started_at: '2026-12-01T15:00:00Z',
  updated_at: '2026-12-01T15:00:00Z', accounts: 0, accounts_total: 1, events_replayed: 0, differences_total: 0, differences: [],
  self: '/points/projection/rebuild/job-7' };

describe('the parked records panel', () => {
  it('lists parked records newest first a page at a time, and re-applies one after a confirmation', async () => {
    const { calls } = fakeApi({
      'GET /me': { body: admin },
      'GET /points/projection/parked': ({ url }) => (url.searchParams.get('cursor') === 'c2'
        ? { body: { items: [parked('old#1', 'old')] } }
        : { body: { items: [parked('poison#1', 'poison')], next_cursor: 'c2' } }),
      'POST /points/projection/parked/id-poison-1/reapply': { status: 202, body: job },
    });
    renderApp('/operations/parked');
    const item = await screen.findByRole('listitem', { name: 'Parked record point-events poison#1' });
    expect(within(item).getByText('Account poison')).toBeInTheDocument();
    expect(within(item).getByText('amount: must be a positive whole number')).toBeInTheDocument();
    expect(calls.find((c) => c.path.startsWith('/points/projection/parked?'))?.path).toBe('/points/projection/parked?limit=20');
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByRole('listitem', { name: 'Parked record point-events old#1' });
    expect(calls.some((c) => c.path === '/points/projection/parked?limit=20&cursor=c2')).toBe(true);

    await userEvent.click(within(item).getByRole('button', { name: 'Re-apply parked record point-events poison#1' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Re-apply' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Re-applying account poison in rebuild job-7');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('offers no re-apply for a record that names no account, and shows the refusal when a discarded one is gone already', async () => {
    const { calls } = fakeApi({
      'GET /me': { body: admin },
      'GET /points/projection/parked': { body: { items: [parked('stream-1')] } },
      'DELETE /points/projection/parked/id-stream-1': problem(404, 'parked-record-not-found', 'No parked record id-stream-1.'),
    });
    renderApp('/operations/parked');
    const item = await screen.findByRole('listitem', { name: 'Parked record point-events stream-1' });
    expect(within(item).queryByRole('button', { name: /Re-apply/ })).toBeNull();
    expect(within(item).getByText(/Names no account/)).toBeInTheDocument();

    await userEvent.click(within(item).getByRole('button', { name: 'Discard parked record point-events stream-1' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Discard' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This parked record is gone already.');
    expect(alert).toHaveTextContent('No parked record id-stream-1.');
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });
});
