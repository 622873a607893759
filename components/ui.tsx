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

export type ListColumn = { label: string; align?: "right"; srOnly?: boolean };

/**
 * A list table of the back office: horizontally scrollable, a caption (visually hidden unless captionClassName says
 * otherwise), one header cell per column (scope="col"; an srOnly label for an action column) and the caller's rows.
 */
export function ListTable({
  caption,
  captionClassName = "sr-only",
  columns,
  children,
}: {
  caption: string;
  captionClassName?: string;
  columns: ListColumn[];
  children: React.ReactNode;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className={captionClassName}>{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {columns.map((c, i) => (
              <th key={i} scope="col" className={[i < columns.length - 1 ? "py-2 pr-3" : "py-2", c.align === "right" ? "text-right" : ""].join(" ").trim()}>
                {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The filters card of a back-office list: a GET form (the filters live in the address) and its submit button. */
export function FilterForm({ title, submit, children }: { title: string; submit: string; children: React.ReactNode }) {
  return (
    <Card title={title}>
      <form method="get" className="flex flex-wrap items-end gap-4">
        {children}
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{submit}</button>
      </form>
    </Card>
  );
}

/** One labelled select of a FilterForm; options in order, the "all" choice (value "") included by the caller. */
export function FilterSelect({
  id,
  name,
  label,
  defaultValue,
  options,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">{label}</label>
      <select id={id} name={name} defaultValue={defaultValue} className="mt-1 rounded border border-slate-500 px-2 py-1">
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
