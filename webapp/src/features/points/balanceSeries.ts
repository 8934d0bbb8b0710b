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
 * history loaded so far (newest first), so a partial history still charts correctly.
 */
export function balanceSeries(current: number, newestFirst: HistoryItem[]): BalancePoint[] {
  const points: BalancePoint[] = [];
  let balance = current;
  for (const item of newestFirst) {
    points.push({ time: new Date(item.date_time).getTime(), balance });
    balance -= change(item);
  }
  return points.reverse();
}
