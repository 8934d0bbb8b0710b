import { describe, expect, it } from 'vitest';
import type { HistoryItem } from './api';
import { balanceSeries } from './balanceSeries';

const item = (type: HistoryItem['transaction_type'], amount: number, day: number): HistoryItem => ({
  id: `${type}-${day}`, date_time: `2025-01-0${day}T00:00:00Z`, account_id: 'derick', transaction_type: type, amount,
});

describe('the balance over time', () => {
  it('walks back from today through the newest-first history', () => {
    const now = new Date('2025-01-09T00:00:00Z').getTime();
    const series = balanceSeries(120, [item('redeem', 50, 3), item('issue', 100, 2), item('issue', 70, 1)], now);
    expect(series.map((p) => p.balance)).toEqual([0, 70, 170, 120, 120]);
    expect(series[0].time).toBe(series[1].time);
    expect(series[1].time).toBeLessThan(series[3].time);
    expect(series[4].time).toBe(now);
  });
});
