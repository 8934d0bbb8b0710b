import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { admin, derick, fakeApi, problem, renderApp } from '../../test/server';

const step = (hold: string) => ({
  compensation: 'direct:retail.release-stock', completion: 'direct:retail.confirm-stock', options: { product: '1', quantity: '1' }, hold,
});
const failed = {
  id: 'p-1', state: 'FAILED', failed_during: 'COMPENSATING', owner: null, lease_until: '2026-12-01T10:00:00Z', attempts: 7,
  last_error: 'DynamoDB unreachable', holding: true, steps: [step('held')],
};
const failedCompleting = { ...failed, id: 'p-2', failed_during: 'COMPLETING', last_error: 'points queue down' };

describe('the sagas panel', () => {
  it('lists FAILED sagas with their steps and retries one only after the operator confirms', async () => {
    let retried = false;
    const { calls } = fakeApi({
      'GET /me': { body: admin },
      'GET /sagas': ({ url }) => ({ body: { state: url.searchParams.get('state'), items: retried ? [] : [failed], more: false } }),
      'POST /sagas/p-1/retry': () => { retried = true; return { body: { ...failed, state: 'COMPENSATED', holding: false, steps: [step('released')] } }; },
    });
    renderApp('/operations/sagas');
    const saga = await screen.findByRole('article', { name: 'Saga p-1' });
    expect(within(saga).getByText('Last error: DynamoDB unreachable')).toBeInTheDocument();
    expect(within(saga).getByText(/retail\.confirm-stock \/ undo: retail\.release-stock/)).toBeInTheDocument();
    expect(within(saga).getByText('product=1, quantity=1')).toBeInTheDocument();
    expect(calls.find((c) => c.path.startsWith('/sagas?'))?.path).toBe('/sagas?state=FAILED&limit=50');

    await userEvent.click(within(saga).getByRole('button', { name: 'Retry saga p-1' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('Saga p-1 retried: it is now COMPENSATED.')).toBeInTheDocument();
    expect(await screen.findByText('No failed sagas.')).toBeInTheDocument();
  });

  it('shows the refusal of a saga repaired meanwhile and stops the progress', async () => {
    fakeApi({
      'GET /me': { body: admin },
      'GET /sagas': { body: { state: 'FAILED', items: [failed], more: false } },
      'POST /sagas/p-1/compensate': problem(409, 'saga-not-failed', 'Saga p-1 changed meanwhile; it is no longer FAILED.'),
    });
    renderApp('/operations/sagas');
    const saga = await screen.findByRole('article', { name: 'Saga p-1' });
    await userEvent.click(within(saga).getByRole('button', { name: 'Compensate saga p-1' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Compensate' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This saga is no longer FAILED');
    expect(alert).toHaveTextContent('Saga p-1 changed meanwhile; it is no longer FAILED.');
    await waitFor(() => expect(within(saga).getByRole('button', { name: 'Compensate saga p-1' })).toBeEnabled());
  });

  it('does not offer to compensate a saga that failed while completing', async () => {
    fakeApi({ 'GET /me': { body: admin }, 'GET /sagas': { body: { state: 'FAILED', items: [failedCompleting], more: true } } });
    renderApp('/operations/sagas');
    const saga = await screen.findByRole('article', { name: 'Saga p-2' });
    expect(within(saga).getByRole('button', { name: 'Compensate saga p-2' })).toBeDisabled();
    expect(within(saga).getByRole('button', { name: 'Retry saga p-2' })).toBeEnabled();
    expect(within(saga).getByText('It failed while completing, so it was decided complete: retry it.')).toBeInTheDocument();
    expect(screen.getByText('Showing the first 50; there are more.')).toBeInTheDocument();
  });

  it('lists another state when asked, and finds one saga by a valid id only', async () => {
    const { calls } = fakeApi({
      'GET /me': { body: admin },
      'GET /sagas': ({ url }) => ({ body: { state: url.searchParams.get('state'), items: [], more: false } }),
      'GET /sagas/p-9': { body: { ...failed, id: 'p-9', state: 'COMPLETED', failed_during: undefined, steps: [step('confirmed')] } },
    });
    renderApp('/operations/sagas');
    await userEvent.click(await screen.findByRole('button', { name: 'running' }));
    expect(await screen.findByText('No running sagas.')).toBeInTheDocument();
    expect(calls.some((c) => c.path === '/sagas?state=RUNNING&limit=50')).toBe(true);

    await userEvent.type(screen.getByLabelText('Saga id'), 'p 9');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(await screen.findByText(/Use 1-64 characters/)).toBeInTheDocument();
    expect(calls.some((c) => c.path.startsWith('/sagas/'))).toBe(false);

    await userEvent.clear(screen.getByLabelText('Saga id'));
    await userEvent.type(screen.getByLabelText('Saga id'), 'p-9');
    await userEvent.click(screen.getByRole('button', { name: 'Show' }));
    const saga = await screen.findByRole('article', { name: 'Saga p-9' });
    expect(within(saga).getByTestId('saga-state')).toHaveTextContent('COMPLETED');
    expect(within(saga).queryByRole('button', { name: /Retry/ })).toBeNull();
  });

  it('is closed to shoppers', async () => {
    fakeApi({
      'GET /me': { body: derick }, 'GET /users/balance/derick': { body: { username: 'derick', balance: 0 } },
      'GET /points': { body: { account_id: 'derick', balance: 0, balance_entries: [] } },
    });
    renderApp('/operations/sagas');
    expect(await screen.findByText('This page is for operators.')).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Operations' })).toBeNull();
  });
});
