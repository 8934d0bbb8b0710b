import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { derick, fakeApi, problem, renderApp } from '../../test/server';

afterEach(() => { document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT'; });

describe('logging in and out', () => {
  it('posts the form with the XSRF token and then shows who is logged in', async () => {
    document.cookie = 'XSRF-TOKEN=token-1';
    let loggedIn = false;
    const { calls } = fakeApi({
      'GET /me': () => (loggedIn ? { body: derick } : problem(401, 'unauthorized', 'log in')),
      'POST /login': () => { loggedIn = true; return { body: derick }; },
      'GET /products': { body: [] },
      'GET /users/balance/derick': { body: { username: 'derick', balance: 3300 } },
      'GET /points': { body: { account_id: 'derick', balance: 0, balance_entries: [] } },
    });
    renderApp('/login');
    await userEvent.type(await screen.findByLabelText(/User name/), 'derick');
    await userEvent.type(screen.getByLabelText(/Password/), 'unicorn');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByTestId('principal')).toHaveTextContent('derick');
    const login = calls.find((c) => c.path === '/login')!;
    expect(login.headers.get('X-XSRF-TOKEN')).toBe('token-1');
    expect(String(login.body)).toBe('username=derick&password=unicorn');
  });

  it('says so when the credentials are wrong', async () => {
    fakeApi({ 'GET /me': problem(401, 'unauthorized', 'log in'), 'POST /login': problem(401, 'unauthorized', 'bad credentials') });
    renderApp('/login');
    await userEvent.type(await screen.findByLabelText(/User name/), 'derick');
    await userEvent.type(screen.getByLabelText(/Password/), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The user name or password is wrong.');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeEnabled();
  });

  it('sends a visitor of a shopper page to log in', async () => {
    fakeApi({ 'GET /me': problem(401, 'unauthorized', 'log in') });
    renderApp('/points-centre');
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  });

  it('logs out and shows the log-in link again', async () => {
    let loggedIn = true;
    fakeApi({
      'GET /me': () => (loggedIn ? { body: derick } : problem(401, 'unauthorized', 'log in')),
      'POST /logout': () => { loggedIn = false; return { status: 204 }; },
      'GET /products': { body: [] },
      'GET /users/balance/derick': { body: { username: 'derick', balance: 3300 } },
      'GET /points': { body: { account_id: 'derick', balance: 0, balance_entries: [] } },
    });
    renderApp('/');
    await userEvent.click(await screen.findByRole('button', { name: 'Log out' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Log in' })).toBeInTheDocument());
    expect(screen.queryByTestId('wallet')).not.toBeInTheDocument();
  });
});
