import type { ReactNode } from 'react';
import { formatSiret } from '../../../shared/format';
import '../employees.css';

interface ListTableProps {
  /** The table's own class, next to `emp-table`. */
  className: string;
  /** Read by screen readers only. */
  caption: ReactNode;
  columns: readonly ReactNode[];
  /** The rows. */
  children: ReactNode;
}

/** A list of the portal's tables: a table under ~700 px turned into cards (employees.css). */
export function ListTable({ className, caption, columns, children }: ListTableProps) {
  return (
    <div className="emp-table-wrap">
      <table className={`emp-table ${className}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/**
 * The employee's name heading a row: focusable, as where the focus goes after "Charger plus"
 * or an action on the row (`data-employee-row`).
 */
export function RowHeader({
  rowId,
  label,
  children,
}: {
  rowId: string;
  label?: string;
  children: ReactNode;
}) {
  return (
    <th scope="row" className="emp-table__name" data-label={label} data-employee-row={rowId} tabIndex={-1}>
      {children}
    </th>
  );
}

/** The établissement's name, its SIRET under it. */
export function EstablishmentCell({ name, siret }: { name: string; siret: string }) {
  return (
    <td data-label="Établissement">
      {name}
      <span className="emp-cell-detail nowrap">SIRET {formatSiret(siret)}</span>
    </td>
  );
}
