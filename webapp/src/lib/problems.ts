import { ApiError } from './api';

/** What a failed request means to the person using the store, in words. */
const WORDS: Record<string, string> = {
  'insufficient-stock': 'Not enough unicorns in stock.',
  'insufficient-funds': 'Not enough money in your wallet.',
  'insufficient-points': 'Not enough points.',
  'outcome-unknown': 'We could not confirm the outcome. Try again: it will not be charged twice.',
  'backend-unavailable': 'The store is briefly unavailable. Try again in a moment.',
  'concurrent-modification': 'Someone else changed this at the same moment. Try again.',
  'idempotency-key-in-use': 'The same request is still being handled. Try again in a moment.',
  'purchase-already-made': 'This purchase was already made.',
  'precondition-failed': 'Someone changed this campaign after you opened it.',
  'campaign-exists': 'A campaign with this client and name exists already.',
  'campaign-limit-reached': 'This client has as many campaigns as allowed.',
  'refund-window-closed': 'The refund window of this purchase has closed.',
  'purchase-not-refundable': 'This purchase cannot be refunded.',
  'rate-limited': 'Too many requests. Wait a moment and try again.',
  'saga-not-failed': 'This saga is no longer FAILED: someone or something repaired it meanwhile.',
  'saga-completing': 'This saga failed while completing: it can only be retried.',
  'saga-direction-unknown': 'This saga does not say which direction failed: compensate it instead.',
  'saga-not-found': 'There is no saga with this id.',
  'rebuild-running': 'A projection rebuild is already running.',
  'product-exists': 'A product with this id exists already.',
  'product-not-found': 'There is no product with this id.',
  'dead-letter-not-found': 'This dead letter is gone already.',
  'parked-record-not-found': 'This parked record is gone already.',
  'parked-record-without-account': 'This parked record names no account to re-apply.',
  'queue-not-found': 'There is no queue of this name with a dead-letter queue.',
};

const BY_STATUS: Record<number, string> = {
  0: 'The store cannot be reached. Check your connection and try again.',
  401: 'Please log in.',
  403: 'You are not allowed to do this.',
  404: 'Not found.',
  413: 'This is too large to send.',
  429: 'Too many requests. Wait a moment and try again.',
  503: 'The store is briefly unavailable. Try again in a moment.',
};

/** A headline and the server's own explanation, for an alert. */
export interface Explained {
  headline: string;
  detail?: string;
  fields: { field: string; message: string }[];
  retryable: boolean;
}

export function explain(error: unknown): Explained {
  if (!(error instanceof ApiError)) {
    return { headline: 'Something went wrong. Try again.', fields: [], retryable: true };
  }
  const headline = WORDS[error.code] ?? BY_STATUS[error.status]
    ?? (error.status === 400 ? 'Please correct the highlighted input.' : error.problem.title ?? 'The request failed.');
  const detail = error.problem.detail !== undefined && error.problem.detail !== headline ? error.problem.detail : undefined;
  return {
    headline,
    detail,
    fields: Array.isArray(error.problem.errors) ? error.problem.errors : [],
    retryable: error.status === 0 || error.status === 503 || error.status === 429 || error.code === 'concurrent-modification',
  };
}
