/** The one HTTP client of the web store: relative URLs, the session cookie and CSRF or a bearer token, problem+json as ApiError. */
import { bearerToken } from './bearer';


/** An RFC 9457 problem document as the platform sends it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

/** A failed request: the HTTP status (0 when the network failed) and the problem the server gave. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The stable code at the end of the problem type, e.g. "insufficient-funds". */
  get code(): string {
    const type = this.problem.type ?? '';
    return type.substring(type.lastIndexOf('/') + 1);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

/** A response body with the headers a caller may need (the campaign ETag). */
export interface ApiResponse<T> {
  body: T;
  headers: Headers;
  status: number;
}

const UNSAFE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

function cookie(name: string): string | undefined {
  const prefix = `${name}=`;
  const found = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return found === undefined ? undefined : decodeURIComponent(found.substring(prefix.length));
}

function headersFor(method: string, options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  } else if (options.form !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  const token = bearerToken();
  if (token !== undefined) {
    headers.Authorization = `Bearer ${token}`; // its own credential: the platform asks no CSRF token then
    return headers;
  }
  const xsrf = cookie('XSRF-TOKEN');
  if (UNSAFE.has(method) && xsrf !== undefined) {
    headers['X-XSRF-TOKEN'] = xsrf;
  }
  return headers;
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return (await response.json()) as Problem;
    } catch {
      // a broken error body still leaves the status to explain the failure
    }
  }
  return { status: response.status, title: response.statusText };
}

/** Sends one request; resolves with the parsed body, rejects with an ApiError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, options),
      body: options.body !== undefined ? JSON.stringify(options.body)
        : options.form !== undefined ? new URLSearchParams(options.form).toString() : undefined,
    });
  } catch {
    throw new ApiError(0, { title: 'network', detail: 'The store cannot be reached. Check your connection and try again.' });
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response));
  }
  const text = response.status === 204 ? '' : await response.text();
  return { body: (text === '' ? undefined : JSON.parse(text)) as T, headers: response.headers, status: response.status };
}

/** GET returning only the body. */
export async function get<T>(path: string): Promise<T> {
  return (await request<T>(path)).body;
}

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** A random id for Idempotency-Key (crypto.randomUUID exists only in secure contexts). */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
