import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { admin, fakeApi, problem, renderApp } from '../../test/server';

const job = (over: Record<string, unknown> = {}) => ({
  job_id: 'j-1', state: 'RUNNING', repair: false, started_by: 'admin', started_at: '2026-12-01T10:00:00Z',
  updated_at: '2026-12-01T10:00:00Z', accounts: 0, accounts_total: 3, events_replayed: 0, differences_total: 0,
  differences: [], self: '/points/projection/rebuild/j-1', ...over,
});
const difference = { account_id: 'bob', live: { applied_sequence: 4, balance: 90 }, rebuilt: { applied_sequence: 5, balance: 120 }, repaired: false };

describe('the projection rebuild panel', () => {
  it('says when no rebuild has run yet', async () => {
    fakeApi({ 'GET /me': { body: admin }, 'GET /points/projection/rebuild': problem(404, 'rebuild-not-found', 'No projection rebuild has run yet.') });
    renderApp('/operations/projection');
    expect(await screen.findByText('No rebuild has run yet.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('starts a rebuild, polls it while it runs, shows its progress and then its difference report', async () => {
    let started = false;
    const reads = [job({ accounts: 1, events_replayed: 4 }), job({ accounts: 2, events_replayed: 9 }),
      job({ state: 'DONE', accounts: 3, events_replayed: 12, differences_total: 1, differences: [difference], finished_at: '2026-12-01T10:00:05Z' })];
    let read = 0;
    const { calls } = fakeApi({
      'GET /me': { body: admin },
      'GET /points/projection/rebuild': () => (started ? { body: job() } : problem(404, 'rebuild-not-found', 'none')),
      'POST /points/projection/rebuild': () => { started = true; return { status: 202, body: job(), headers: { Location: '/points/projection/rebuild/j-1' } }; },
      'GET /points/projection/rebuild/j-1': () => ({ body: reads[Math.min(read++, reads.length - 1)] }),
    });
    renderApp('/operations/projection');
    await screen.findByText('No rebuild has run yet.');
    await userEvent.click(screen.getByRole('button', { name: 'Start rebuild' }));

    const report = await screen.findByRole('region', { name: 'Rebuild j-1' });
    await waitFor(() => expect(within(report).getByTestId('rebuild-progress')).toHaveTextContent('2 of 3 accounts · 9 events replayed'), { timeout: 4000 });
    expect(within(report).getByRole('progressbar', { name: 'Rebuild progress' })).toHaveAttribute('aria-valuenow', '67');
    await waitFor(() => expect(within(report).getByTestId('rebuild-state')).toHaveTextContent('DONE'), { timeout: 4000 });
    const row = within(within(report).getByRole('table', { name: 'Differences' })).getAllByRole('row')[1];
    expect(row).toHaveTextContent(/bob\s*90\s*120\s*4 \/ 5\s*no/);
    expect(calls.find((c) => c.method === 'POST')?.path).toBe('/points/projection/rebuild');

    const polled = calls.filter((c) => c.path === '/points/projection/rebuild/j-1').length;
    await new Promise((done) => setTimeout(done, 1500));
    expect(calls.filter((c) => c.path === '/points/projection/rebuild/j-1').length).toBe(polled);
  }, 15_000);

  it('repairs only after the operator confirms, for the account named', async () => {
    const { calls } = fakeApi({
      'GET /me': { body: admin },
      'GET /points/projection/rebuild': problem(404, 'rebuild-not-found', 'none'),
      'POST /points/projection/rebuild': { status: 202, body: job({ account_id: 'bob', repair: true, accounts_total: 1 }) },
      'GET /points/projection/rebuild/j-1': { body: job({ state: 'DONE', account_id: 'bob', repair: true, accounts: 1, accounts_total: 1, differences_total: 1, differences: [{ ...difference, repaired: true }] }) },
    });
    renderApp('/operations/projection');
    await screen.findByText('No rebuild has run yet.');
    await userEvent.type(screen.getByLabelText('Account (empty: every account)'), 'bob!');
    await userEvent.click(screen.getByRole('button', { name: 'Start rebuild' }));
    expect(await screen.findByText(/Use 1-64 characters/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Account (empty: every account)'), '{Backspace}');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Repair differences' }));
    await userEvent.click(screen.getByRole('button', { name: 'Start rebuild' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Rebuild and repair' }));

    const report = await screen.findByRole('region', { name: 'Rebuild j-1' });
    await waitFor(() => expect(within(report).getByRole('table', { name: 'Differences' })).toHaveTextContent(/bob.*yes/));
    expect(calls.find((c) => c.method === 'POST')?.path).toBe('/points/projection/rebuild?account_id=bob&repair=true');
  });

  it('shows the refusal while another rebuild runs and follows that one when asked', async () => {
    fakeApi({
      'GET /me': { body: admin },
      'GET /points/projection/rebuild': problem(404, 'rebuild-not-found', 'none'),
      'POST /points/projection/rebuild': problem(409, 'rebuild-running', 'Rebuild j-7 is still running; follow it, or wait for it to end.', { job_id: 'j-7' }),
      'GET /points/projection/rebuild/j-7': { body: job({ job_id: 'j-7', state: 'DONE', accounts: 3, started_by: 'ops2' }) },
    });
    renderApp('/operations/projection');
    await screen.findByText('No rebuild has run yet.');
    await userEvent.click(screen.getByRole('button', { name: 'Start rebuild' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('A projection rebuild is already running.');
    expect(alert).toHaveTextContent('Rebuild j-7 is still running');
    expect(screen.getByRole('button', { name: 'Start rebuild' })).toBeEnabled();

    await userEvent.click(screen.getByRole('button', { name: 'Follow the running rebuild' }));
    const report = await screen.findByRole('region', { name: 'Rebuild j-7' });
    expect(within(report).getByText(/started by ops2/)).toBeInTheDocument();
    expect(within(report).getByText('No differences: every balance view matches the event store.')).toBeInTheDocument();
  });
});
