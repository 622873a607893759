"use client";
// Monthly trend of one indicator (plain numbers). Decorative for assistive technology: the same figures are in
// the data table next to it.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export function TrendChart({ points }: { points: { month: string; value: number | null }[] }) {
  return (
    <div aria-hidden="true" className="h-40 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="month" tick={{ fontSize: 11, fill: "#334155" }} />
          <YAxis width={44} tick={{ fontSize: 11, fill: "#334155" }} />
          <Tooltip />
          <Line type="monotone" dataKey="value" stroke="#1d4ed8" strokeWidth={2} connectNulls dot={{ r: 2 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
