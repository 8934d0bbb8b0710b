import type { HistoryItem } from './api';

/** One point of the balance chart: the balance right after an event. */
export interface BalancePoint {
  time: number;
  balance: number;
}

/** What an event did to the balance. */
export function change(item: HistoryItem): number {
  return item.transaction_type === 'issue' ? item.amount : -item.amount;
}

/**
 * The balance after each event, oldest first, walked back from today's balance through the
 * history loaded so far (newest first), so a partial history still charts correctly; the last
 * point is today's balance.
 */
export function balanceSeries(current: number, newestFirst: HistoryItem[], now: number = Date.now()): BalancePoint[] {
  // the line runs on to today, so one event still draws a line
  const points: BalancePoint[] = newestFirst.length === 0 ? [] : [{ time: now, balance: current }];
  let balance = current;
  for (const item of newestFirst) {
    points.push({ time: new Date(item.date_time).getTime(), balance });
    balance -= change(item);
  }
  if (newestFirst.length > 0) {
    // the balance before the oldest event loaded, so the first step rises from it
    points.push({ time: new Date(newestFirst[newestFirst.length - 1].date_time).getTime(), balance });
  }
  return points.reverse();
}
