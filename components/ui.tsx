// Small presentational pieces shared by the areas.
export function PageTitle({ children }: { children: React.ReactNode }) {
  return <h1 className="mb-4 text-2xl font-bold text-brand-900">{children}</h1>;
}

export function Card({ title, children }: { title?: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={title}>
      {title && <h2 className="mb-3 text-lg font-semibold text-brand-900">{title}</h2>}
      {children}
    </section>
  );
}

export function Stat({ label, value, tone = "neutral" }: { label: string; value: string; tone?: "neutral" | "bad" | "ok" }) {
  const colour = tone === "bad" ? "text-bad-700" : tone === "ok" ? "text-ok-700" : "text-slate-900";
  return (
    <div>
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className={`text-2xl font-semibold ${colour}`}>{value}</dd>
    </div>
  );
}
