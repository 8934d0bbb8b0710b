import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { admin, fakeApi, problem, renderApp } from '../../test/server';

async function adjust(user: string, amount: string) {
  const form = await screen.findByRole('form', { name: 'Adjust a wallet' });
  await userEvent.clear(within(form).getByLabelText('User name'));
  await userEvent.type(within(form).getByLabelText('User name'), user);
  await userEvent.clear(within(form).getByLabelText('Amount'));
  await userEvent.type(within(form).getByLabelText('Amount'), amount);
  await userEvent.click(within(form).getByRole('button', { name: 'Adjust' }));
  return form;
}

describe('the wallets panel', () => {
  it('refuses a change of 0, a fraction or a bad user name before sending', async () => {
    const { calls } = fakeApi({ 'GET /me': { body: admin } });
    renderApp('/operations/wallets');
    const form = await adjust('no one', '0');
    expect(within(form).getByText(/Use 1-64 characters/)).toBeInTheDocument();
    expect(within(form).getByText('Must not be 0.')).toBeInTheDocument();
    await adjust('bob', '1.5');
    expect(within(form).getByText('Enter a whole number.')).toBeInTheDocument();
    await adjust('bob', '100000001');
    expect(within(form).getByText('From -100,000,000 to 100,000,000.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  }, 15_000);

  it('funds a wallet and says what it holds now', async () => {
    const { calls } = fakeApi({
      'GET /me': { body: admin },
      'POST /wallets/bob/adjust': { body: { username: 'bob', balance: 1300, changed_by: 'admin' } },
    });
    renderApp('/operations/wallets');
    await adjust('bob', '500');
    expect(await screen.findByText("bob's wallet now holds 1,300 (changed by admin).")).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ amount: 500 });
  });

  it('takes money only after a confirmation, and explains a refusal below zero', async () => {
    const { calls } = fakeApi({
      'GET /me': { body: admin },
      'POST /wallets/bob/adjust': problem(409, 'insufficient-funds', "Wallet 'bob' holds less than 5000 (or does not exist)."),
    });
    renderApp('/operations/wallets');
    await adjust('bob', '-5000');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Take it' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The wallet holds less than 5,000 (or does not exist): nothing was taken.');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ amount: -5000 });
    expect(await screen.findByRole('button', { name: 'Adjust' })).toBeEnabled();
  });
});
