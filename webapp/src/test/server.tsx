import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { AppRoutes } from '../app/App';
import { PointsArrivalProvider } from '../features/points/arrival';

/** One canned answer of the fake API: a status, a JSON body and headers. */
export interface Answer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = Answer | ((request: { url: URL; method: string; body: unknown; headers: Headers }) => Answer);

/** A fetch stand-in answering "METHOD /path" keys; unknown requests fail the test loudly with a 599. */
export function fakeApi(given: Record<string, Handler>) {
  // the local profile's answer unless a test gives another
  const routes: Record<string, Handler> = { 'GET /auth/config': { body: { mode: 'session' } }, ...given };
  const calls: { method: string; path: string; body: unknown; headers: Headers }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://store.test');
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === 'string' && headers.get('Content-Type') === 'application/json' ? JSON.parse(init.body) : init?.body;
    calls.push({ method, path: url.pathname + url.search, body, headers });
    const handler = routes[`${method} ${url.pathname}${url.search}`] ?? routes[`${method} ${url.pathname}`];
    const answer = handler === undefined ? { status: 599, body: { title: `no fake for ${method} ${url.pathname}` } }
      : typeof handler === 'function' ? handler({ url, method, body, headers }) : handler;
    const status = answer.status ?? 200;
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? {}), {
      status, headers: { 'Content-Type': type, ...answer.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls };
}

export function problem(status: number, code: string, detail: string, more: Record<string, unknown> = {}): Answer {
  return { status, body: { type: `https://unicorn.store/problems/${code}`, title: code, status, detail, ...more } };
}

export const derick = { principal: 'derick', kind: 'shopper', account_id: 'derick', scopes: [] };
export const admin = { principal: 'admin', kind: 'operator', scopes: ['operator', 'campaigns:admin'] };

export function testClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

/** The whole app at one address, with a fresh cache. */
export function renderApp(path: string) {
  return render(
    <QueryClientProvider client={testClient()}>
      <PointsArrivalProvider>
        <MemoryRouter initialEntries={[path]}><AppRoutes /></MemoryRouter>
      </PointsArrivalProvider>
    </QueryClientProvider>,
  );
}

/** One component with the providers it needs, at a route pattern. */
export function renderAt(element: ReactNode, path: string, pattern = path) {
  return render(
    <QueryClientProvider client={testClient()}>
      <PointsArrivalProvider>
        <MemoryRouter initialEntries={[path]}><Routes><Route path={pattern} element={element} /></Routes></MemoryRouter>
      </PointsArrivalProvider>
    </QueryClientProvider>,
  );
}
