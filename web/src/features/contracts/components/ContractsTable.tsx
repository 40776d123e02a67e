import { Link } from 'react-router';
import { RISQUE_LABELS, STATUT_LABELS } from '../../../../../functions/contracts/common';
import { DateValue } from '../../employees/components/feedback';
import type { ContractSummary } from '../api/list-contracts';
import { contractDetailSearch } from '../contract-param';

/** Mes contrats: the company's contracts and their categories, in the guide's columns. */
export function ContractsTable({
  contracts,
  companyName,
}: {
  contracts: readonly ContractSummary[];
  companyName: string;
}) {
  return (
    <div className="emp-table-wrap">
      <table className="emp-table ctr-table">
        <caption className="visually-hidden">Contrats de {companyName}</caption>
        <thead>
          <tr>
            <th scope="col">Statut</th>
            <th scope="col">Risque</th>
            <th scope="col">Contrat employeur</th>
            <th scope="col">Contrat</th>
            <th scope="col">Date d'effet</th>
            <th scope="col">Date de fin</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {contracts.map((contract) => (
            <tr key={contract.contractNumber} className={contract.endDate ? 'ctr-table__ended' : undefined}>
              <td data-label="Statut">{STATUT_LABELS[contract.statut]}</td>
              <td data-label="Risque">{RISQUE_LABELS[contract.risque]}</td>
              <th scope="row" className="emp-table__name nowrap" data-label="Contrat employeur">
                {contract.contractNumber}
              </th>
              <td data-label="Contrat">{contract.product}</td>
              <td data-label="Date d'effet">
                <DateValue iso={contract.effectiveDate} />
              </td>
              <td data-label="Date de fin">
                <DateValue iso={contract.endDate} />
              </td>
              <td data-label="Actions">
                <Link
                  className="arrow-link nowrap"
                  to={{ search: contractDetailSearch(contract.contractNumber) }}
                  aria-label={`Voir les assurés du contrat ${contract.contractNumber}`}
                >
                  Voir les assurés
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
