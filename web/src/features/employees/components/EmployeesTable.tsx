import { STATUT_LABELS } from '../../../../../functions/contracts/common';
import {
  RADIATION_REASON_LABELS,
  RADIATION_REASON_VALUES,
  type EmployeeSummary,
} from '../../../../../functions/contracts/employees';
import { formatSiret } from '../../../shared/format';
import { employeesCopy } from '../copy';
import { portabiliteSummary } from '../lib/portabilite';
import { EmployeeActions } from './EmployeeActions';
import { DateValue } from './feedback';
import { RevealableNir } from './RevealableNir';

type Order = 'asc' | 'desc';

interface EmployeesTableProps {
  companyId: string;
  employees: readonly EmployeeSummary[];
  order: Order;
  onOrderChange: (order: Order) => void;
  onRadiate: (employee: EmployeeSummary) => void;
}

const reasonLabel = (reason: string | null) =>
  reason && (RADIATION_REASON_VALUES as readonly string[]).includes(reason)
    ? RADIATION_REASON_LABELS[reason as (typeof RADIATION_REASON_VALUES)[number]]
    : reason;

/**
 * Mes salariés affiliés: one row per affiliation. The name is the row header (and the
 * focus target after "Charger plus" or a radiation); under ~700 px each row becomes a card.
 */
export function EmployeesTable({
  companyId,
  employees,
  order,
  onOrderChange,
  onRadiate,
}: EmployeesTableProps) {
  const orderLabel = order === 'asc' ? 'triés par nom, de A à Z' : 'triés par nom, de Z à A';
  return (
    <div className="emp-table-wrap">
      <table className="emp-table">
        <caption className="visually-hidden">
          {employeesCopy.listCaption}, {orderLabel}
        </caption>
        <thead>
          <tr>
            <th scope="col">Établissement</th>
            <th scope="col">Statut professionnel</th>
            <th scope="col" aria-sort={order === 'asc' ? 'ascending' : 'descending'}>
              <button
                type="button"
                className="emp-sort"
                onClick={() => onOrderChange(order === 'asc' ? 'desc' : 'asc')}
              >
                Nom
                <span className="emp-sort__arrow" aria-hidden="true">
                  {order === 'asc' ? '▲' : '▼'}
                </span>
                <span className="visually-hidden">
                  {order === 'asc' ? ', trier de Z à A' : ', trier de A à Z'}
                </span>
              </button>
            </th>
            <th scope="col">Prénom</th>
            <th scope="col">N° de sécurité sociale</th>
            <th scope="col">Contrat</th>
            <th scope="col">Date d'effet</th>
            <th scope="col">Date de fin</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {employees.map((employee) => {
            const portabilite = employee.endDate ? portabiliteSummary(employee.portabilite) : null;
            const reason = employee.endDate ? reasonLabel(employee.radiationReason) : null;
            return (
              <tr key={employee.employeeId}>
                <td data-label="Établissement">
                  {employee.establishmentName}
                  <span className="emp-cell-detail nowrap">SIRET {formatSiret(employee.siret)}</span>
                </td>
                <td data-label="Statut professionnel">{STATUT_LABELS[employee.statut]}</td>
                <th
                  scope="row"
                  className="emp-table__name"
                  data-label="Nom"
                  data-employee-row={employee.employeeId}
                  tabIndex={-1}
                >
                  {employee.lastName}
                </th>
                <td data-label="Prénom">{employee.firstName}</td>
                <td data-label="N° de sécurité sociale">
                  <RevealableNir companyId={companyId} employee={employee} />
                </td>
                <td data-label="Contrat">
                  <span className="nowrap">{employee.contractNumber}</span>
                  <span className="emp-cell-detail">{employee.product}</span>
                </td>
                <td data-label="Date d'effet">
                  <DateValue iso={employee.effectiveDate} />
                </td>
                <td data-label="Date de fin">
                  <DateValue iso={employee.endDate} />
                  {reason ? <span className="emp-cell-detail">Motif : {reason}</span> : null}
                  {portabilite ? (
                    <span className="emp-cell-detail emp-portabilite">{portabilite}</span>
                  ) : null}
                </td>
                <td data-label="Actions">
                  <EmployeeActions companyId={companyId} employee={employee} onRadiate={onRadiate} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
