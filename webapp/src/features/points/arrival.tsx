import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** A balance the read model should reach after a change (it follows the event stream, so it lags). */
export type Settled = (balance: number) => boolean;

/** The changes made from this page whose effect on the balance has not shown yet. */
interface Arrival {
  awaited: (account: string) => Settled | undefined;
  expect: (account: string, settled: Settled) => void;
  arrived: (account: string) => void;
}

const GIVE_UP_MS = 30_000;
const Context = createContext<Arrival | null>(null);

export const atLeast = (points: number): Settled => (balance) => balance >= points;
export const atMost = (points: number): Settled => (balance) => balance <= points;

export function PointsArrivalProvider({ children }: { children: ReactNode }) {
  const [expected, setExpected] = useState<Record<string, { settled: Settled; since: number }>>({});
  const arrived = useCallback((account: string) => {
    setExpected((current) => {
      if (!(account in current)) {
        return current;
      }
      const next = { ...current };
      delete next[account];
      return next;
    });
  }, []);
  const value = useMemo<Arrival>(() => ({
    awaited: (account) => {
      const entry = expected[account];
      // polling stops after a while even if the projection lags: the page then shows what it has
      return entry !== undefined && Date.now() - entry.since < GIVE_UP_MS ? entry.settled : undefined;
    },
    expect: (account, settled) => setExpected((current) => ({ ...current, [account]: { settled, since: Date.now() } })),
    arrived,
  }), [expected, arrived]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function usePointsArrival(): Arrival {
  const arrival = useContext(Context);
  if (arrival === null) {
    throw new Error('usePointsArrival needs a PointsArrivalProvider');
  }
  return arrival;
}
