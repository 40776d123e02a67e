import { useId, useState } from 'react';
import type { EmployeeSummary } from '../../../../../functions/contracts/employees';
import { IconChevronDown } from '../../../shared/components/icons';
import { formatDate } from '../../../shared/format';
import { EmployeeActions } from '../../employees/components/EmployeeActions';
import { DateValue } from '../../employees/components/feedback';
import { childrenOf, fullName } from '../../employees/lib/beneficiaries';
import { portabiliteSummary } from '../../employees/lib/portabilite';

interface InsuredTableProps {
  companyId: string;
  contractNumber: string;
  insured: readonly EmployeeSummary[];
  onRadiate: (employee: EmployeeSummary) => void;
}

const yesNo = (value: boolean) => (value ? 'Oui' : 'Non');

/** The insured of one contract: Noémie, conjoint, enfants (expandable), dates, actions. */
export function InsuredTable({ companyId, contractNumber, insured, onRadiate }: InsuredTableProps) {
  return (
    <div className="emp-table-wrap">
      <table className="emp-table ctr-insured">
        <caption className="visually-hidden">Assurés du contrat {contractNumber}</caption>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Prénom</th>
            <th scope="col">Télétransmission Noémie</th>
            <th scope="col">Conjoint</th>
            <th scope="col">Enfants</th>
            <th scope="col">Date d'effet</th>
            <th scope="col">Date de fin</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {insured.map((employee) => {
            const conjoint = employee.beneficiaries.find((beneficiary) => beneficiary.kind === 'conjoint');
            const portabilite = employee.endDate ? portabiliteSummary(employee.portabilite) : null;
            return (
              <tr key={employee.employeeId}>
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
                <td data-label="Télétransmission Noémie">{yesNo(employee.noemie)}</td>
                <td data-label="Conjoint">
                  {yesNo(Boolean(conjoint))}
                  {conjoint ? <span className="emp-cell-detail">{fullName(conjoint)}</span> : null}
                </td>
                <td data-label="Enfants">
                  <ChildrenCell employee={employee} />
                </td>
                <td data-label="Date d'effet">
                  <DateValue iso={employee.effectiveDate} />
                </td>
                <td data-label="Date de fin">
                  <DateValue iso={employee.endDate} />
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

/** "2 enfants ▾": a disclosure listing their names and birth dates. */
function ChildrenCell({ employee }: { employee: EmployeeSummary }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const children = childrenOf(employee.beneficiaries);
  if (children.length === 0) return <>0</>;
  return (
    <div className="ctr-children">
      <button
        type="button"
        className="emp-link-button ctr-children__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((shown) => !shown)}
      >
        {children.length} {children.length > 1 ? 'enfants' : 'enfant'}
        <span className="visually-hidden"> de {fullName(employee)}</span>
        <IconChevronDown className={open ? 'ctr-children__chevron is-open' : 'ctr-children__chevron'} />
      </button>
      <ul id={listId} className="ctr-children__list" hidden={!open}>
        {children.map((child) => (
          <li key={`${child.firstName}-${child.birthDate}`}>
            {fullName(child)}
            <span className="emp-cell-detail">
              <span className="visually-hidden">date de naissance : </span>
              {formatDate(child.birthDate)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
