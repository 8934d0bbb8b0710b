import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { admin, derick, fakeApi, renderApp } from '../../test/server';

const campaign = { client: 'UnicornStore', campaign_name: '1', status: 'active', rules: [{}], version: 7, description: 'a tenth' };

describe('the campaign centre', () => {
  it('deactivates a campaign with If-Match of the version it shows', async () => {
    const { calls } = fakeApi({
      'GET /me': { body: admin },
      'GET /campaigns': { body: { items: [campaign], count: 1, next_cursor: null } },
      'PATCH /campaigns/1': { body: { ...campaign, status: 'inactive', version: 8 }, headers: { ETag: '"8"' } },
    });
    renderApp('/campaign-centre');
    await userEvent.click(await screen.findByRole('button', { name: 'Deactivate UnicornStore / 1' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.path).toBe('/campaigns/1?client=UnicornStore');
    expect(patch.headers.get('If-Match')).toBe('"7"');
    expect(patch.body).toEqual({ status: 'inactive' });
  });

  it('deletes only after the operator confirms', async () => {
    const { calls } = fakeApi({
      'GET /me': { body: admin },
      'GET /campaigns': { body: { items: [campaign], count: 1, next_cursor: null } },
      'DELETE /campaigns/1': { status: 204 },
    });
    renderApp('/campaign-centre');
    await userEvent.click(await screen.findByRole('button', { name: 'Delete UnicornStore / 1' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/campaigns/1?client=UnicornStore')).toBe(true));
  });

  it('is closed to shoppers', async () => {
    fakeApi({
      'GET /me': { body: derick }, 'GET /users/balance/derick': { body: { username: 'derick', balance: 0 } },
      'GET /points': { body: { account_id: 'derick', balance: 0, balance_entries: [] } },
    });
    renderApp('/campaign-centre');
    expect(await screen.findByText('This page is for operators.')).toBeInTheDocument();
  });
});
