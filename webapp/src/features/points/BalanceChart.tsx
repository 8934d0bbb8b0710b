import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { amount, date, dateTime } from '../../lib/format';
import type { BalancePoint } from './balanceSeries';

/** The balance over time as a step line (loaded lazily: recharts is large). */
export default function BalanceChart({ points }: { points: BalancePoint[] }) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="time" type="number" scale="time" domain={['dataMin', 'dataMax']}
          tickFormatter={(t: number) => date(new Date(t).toISOString())} minTickGap={40} />
        <YAxis allowDecimals={false} tickFormatter={(v: number) => amount(v)} width={56} />
        <Tooltip labelFormatter={(t) => dateTime(new Date(Number(t)).toISOString())}
          formatter={(v) => [amount(Number(v)), 'Balance']} />
        <Line type="stepAfter" dataKey="balance" stroke="#7b1fa2" strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
