import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, query, request } from '../../lib/api';

/** The states GET /sagas lists (finished sagas are read by id). */
export const LISTED_STATES = ['FAILED', 'RUNNING', 'COMPLETING', 'COMPENSATING'] as const;
export type ListedState = (typeof LISTED_STATES)[number];

/** One step of a saga as GET /sagas/{id} shows it. */
export interface SagaStepView {
  compensation?: string | null;
  completion?: string | null;
  options: Record<string, string>;
  hold: 'held' | 'confirmed' | 'released' | string;
}

export interface Saga {
  id: string;
  state: string;
  failed_during?: string;
  owner?: string | null;
  lease_until?: string;
  attempts: number;
  last_error?: string | null;
  holding: boolean;
  steps: SagaStepView[];
}

export interface SagaList {
  state: string;
  items: Saga[];
  more: boolean;
}

export type Repair = 'retry' | 'compensate';

export const SAGA_LIMIT = 50;
const sagasKey = ['sagas'] as const;

export function useSagas(state: ListedState) {
  return useQuery({
    queryKey: [...sagasKey, 'state', state],
    queryFn: () => get<SagaList>(`/sagas${query({ state, limit: SAGA_LIMIT })}`),
  });
}

export function useSaga(id: string | undefined) {
  return useQuery({
    queryKey: [...sagasKey, 'id', id],
    queryFn: () => get<Saga>(`/sagas/${encodeURIComponent(id ?? '')}`),
    enabled: id !== undefined,
  });
}

/** Retry or compensate a FAILED saga; every saga list and view is read again whatever the answer. */
export function useRepairSaga() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (repair: { id: string; action: Repair }) =>
      (await request<Saga>(`/sagas/${encodeURIComponent(repair.id)}/${repair.action}`, { method: 'POST' })).body,
    onSettled: () => client.invalidateQueries({ queryKey: sagasKey }),
  });
}

/** Why an action is not offered for this saga (the API would answer 409), or undefined when it is. */
export function refusal(saga: Saga, action: Repair): string | undefined {
  if (saga.state !== 'FAILED') {
    return `Only a FAILED saga can be repaired; this one is ${saga.state}.`;
  }
  if (action === 'retry' && saga.failed_during === undefined) {
    return 'It does not say which direction failed: compensate it instead.';
  }
  if (action === 'compensate' && saga.failed_during === 'COMPLETING') {
    return 'It failed while completing, so it was decided complete: retry it.';
  }
  return undefined;
}
