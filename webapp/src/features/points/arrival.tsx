import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** Points a purchase earned that the balance (a projection of the event stream) does not show yet. */
interface Arrival {
  awaited: (account: string) => number | undefined;
  expect: (account: string, atLeast: number) => void;
  arrived: (account: string) => void;
}

const GIVE_UP_MS = 30_000;
const Context = createContext<Arrival | null>(null);

export function PointsArrivalProvider({ children }: { children: ReactNode }) {
  const [expected, setExpected] = useState<Record<string, { atLeast: number; since: number }>>({});
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
      return entry !== undefined && Date.now() - entry.since < GIVE_UP_MS ? entry.atLeast : undefined;
    },
    expect: (account, atLeast) => setExpected((current) => ({ ...current, [account]: { atLeast, since: Date.now() } })),
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
