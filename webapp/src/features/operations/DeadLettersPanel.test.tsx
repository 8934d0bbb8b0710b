import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { admin, fakeApi, problem, renderApp } from '../../test/server';

const letter = (id: string) => ({
  id, body: `{"command":"issue","id":"${id}"}`, reason: 'account_id is required', receive_count: 10, first_seen: '2026-11-30T08:00:00Z',
});

describe('the dead letters panel', () => {
  it('lists a queue\'s dead letters with their reasons and re-drives the selected ones after a confirmation', async () => {
    let left = ['m-1', 'm-2'];
    const { calls } = fakeApi({
      'GET /me': { body: admin },
      'GET /dead-letters': ({ url }) => ({ body: { queue: url.searchParams.get('queue'), items: left.map(letter), next_cursor: null } }),
      'POST /dead-letters/unicorn-points-commands/redrive': ({ body }) => {
        left = left.filter((id) => !(body as { ids: string[] }).ids.includes(id));
        return { body: { queue: 'unicorn-points-commands', redriven: ['m-2'] } };
      },
    });
    renderApp('/operations/dead-letters');
    const item = await screen.findByRole('listitem', { name: 'Dead letter m-2' });
    expect(within(item).getByText('Reason: account_id is required')).toBeInTheDocument();
    expect(within(item).getByText(/Received 10 times · first seen/)).toBeInTheDocument();
    expect(calls.find((c) => c.path.startsWith('/dead-letters?'))?.path).toBe('/dead-letters?queue=unicorn-points-commands&limit=20');

    await userEvent.click(within(item).getByRole('checkbox'));
    await userEvent.click(screen.getByRole('button', { name: 'Re-drive selected (1)' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Re-drive' }));

    expect(await screen.findByText('Re-drove 1 message back to unicorn-points-commands.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ ids: ['m-2'] });
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Dead letter m-2' })).toBeNull());
    expect(await screen.findByRole('button', { name: 'Re-drive selected (0)' })).toBeDisabled();
  });

  it('re-drives all with no body, and pages on with the cursor', async () => {
    const { calls } = fakeApi({
      'GET /me': { body: admin },
      'GET /dead-letters': ({ url }) => (url.searchParams.get('cursor') === 'c2'
        ? { body: { queue: 'unicorn-points-commands', items: [letter('m-3')], next_cursor: null } }
        : { body: { queue: 'unicorn-points-commands', items: [letter('m-1')], next_cursor: 'c2' } }),
      'POST /dead-letters/unicorn-points-commands/redrive': { body: { queue: 'unicorn-points-commands', redriven: ['m-1', 'm-3'] } },
    });
    renderApp('/operations/dead-letters');
    await screen.findByRole('listitem', { name: 'Dead letter m-1' });
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await screen.findByRole('listitem', { name: 'Dead letter m-3' });
    expect(calls.some((c) => c.path === '/dead-letters?queue=unicorn-points-commands&limit=20&cursor=c2')).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Re-drive all' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Re-drive' }));
    expect(await screen.findByText('Re-drove 2 messages back to unicorn-points-commands.')).toBeInTheDocument();
    const redrive = calls.find((c) => c.method === 'POST')!;
    expect(redrive.body).toBeUndefined();
  });

  it('deletes one after a confirmation, and shows the refusal when it is gone already', async () => {
    const { calls } = fakeApi({
      'GET /me': { body: admin },
      'GET /dead-letters': { body: { queue: 'unicorn-partner-orders', items: [letter('m-1'), letter('m-2')], next_cursor: null } },
      'DELETE /dead-letters/unicorn-partner-orders/m-1': { status: 204 },
      'DELETE /dead-letters/unicorn-partner-orders/m-2': problem(404, 'dead-letter-not-found', 'No dead letter m-2 on unicorn-partner-orders.'),
    });
    renderApp('/operations/dead-letters');
    await screen.findByRole('listitem', { name: 'Dead letter m-1' });
    await userEvent.click(screen.getByRole('combobox', { name: 'Queue' }));
    await userEvent.click(await screen.findByRole('option', { name: 'unicorn-partner-orders' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/dead-letters?queue=unicorn-partner-orders&limit=20')).toBe(true));

    await userEvent.click(await screen.findByRole('button', { name: 'Delete dead letter m-1' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Deleted dead letter m-1.')).toBeInTheDocument();

    await userEvent.click(await screen.findByRole('button', { name: 'Delete dead letter m-2' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This dead letter is gone already.');
    expect(alert).toHaveTextContent('No dead letter m-2 on unicorn-partner-orders.');
    expect(await screen.findByRole('button', { name: 'Delete dead letter m-2' })).toBeEnabled();
  });
});
