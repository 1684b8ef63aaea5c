// The table of an admin list: its header row drawn from data (numbers right-aligned), or one line of
// text when nothing matches the filters. Each page keeps its own row markup.
import type { ReactNode } from 'react';

/** A column's header text; a column of numbers is `{ label, numeric: true }`. */
export type ListColumn = string | { label: string; numeric: true };

export function ListTable<Row>(props: { testId: string; columns: readonly ListColumn[]; rows: readonly Row[]; none: string; renderRow: (row: Row) => ReactNode }) {
  if (props.rows.length === 0) return <p className="text-zinc-700">{props.none}</p>;
  const last = props.columns.length - 1;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={props.testId}>
        <thead className="border-b text-zinc-700">
          <tr>
            {props.columns.map((column, i) => (
              <th key={i} className={['py-2', i < last && 'pr-3', typeof column === 'object' && 'text-right'].filter(Boolean).join(' ')}>
                {typeof column === 'object' ? column.label : column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.rows.map((row) => props.renderRow(row))}</tbody>
      </table>
    </div>
  );
}
