/**
 * A screen's list of things (keys, tokens, webhooks, accounts, deliveries) as a table: a line
 * saying there are none when there are none, nothing while it loads, and the caption for
 * screen readers only (the screen's heading says it for everyone else).
 */
import type { ReactNode } from 'react';

export function ResourceTable<T>({
  items,
  empty,
  caption,
  className,
  columns,
  children,
}: {
  items: T[] | null;
  empty: string;
  caption: string;
  className?: string;
  columns: string[];
  /** One <tr> (with its key) for an item. */
  children: (item: T) => ReactNode;
}) {
  if (!items) return null;
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <div className="table-wrap">
      <table className={className}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{items.map(children)}</tbody>
      </table>
    </div>
  );
}
