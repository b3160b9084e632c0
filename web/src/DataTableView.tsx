import type { ComponentChildren, JSX } from 'preact';
import type { DataTable } from './chart-table.js';

/**
 * The attributes of a scroll container the keyboard can focus (its arrows then scroll it), named
 * `label` for assistive technology: a region.
 */
export function scrollRegion(label: string): { role: 'region'; 'aria-label': string; tabIndex: 0 } {
  return { role: 'region', 'aria-label': label, tabIndex: 0 };
}

/** A table's scroll container: a table wider or taller than its room scrolls inside it, never the page. */
export function TableScroll({
  label,
  children,
}: {
  readonly label: string;
  readonly children: ComponentChildren;
}): JSX.Element {
  return (
    <div class="table-wrap" {...scrollRegion(label)}>
      {children}
    </div>
  );
}

/** A chart's numbers: what they are above, then the table, one header row, each row named by its first cell. */
export function DataTableView({ table, label }: { readonly table: DataTable; readonly label: string }): JSX.Element {
  const [first, ...rest] = table.columns;
  return (
    <>
      <p class="data-table-note">{table.note}</p>
      <TableScroll label={label}>
        <table class="data-table">
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{first}</th>
              {rest.map((c) => (
                <th scope="col" class="num" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => {
              const [head, ...cells] = row;
              return (
                <tr key={head}>
                  <th scope="row">{head}</th>
                  {cells.map((cell, k) => (
                    <td class="num" key={k}>
                      {cell}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
