import type { EmployeeSummary } from '../../../../../functions/contracts/employees';
import { getAffiliationCertificate } from '../api/affiliation-certificate';
import { getRadiationCertificate } from '../api/radiation-certificate';
import { employeesCopy } from '../copy';
import { fullName } from '../lib/beneficiaries';
import { DownloadButton } from './DownloadButton';

interface EmployeeActionsProps {
  companyId: string;
  employee: EmployeeSummary;
  onRadiate: (employee: EmployeeSummary) => void;
}

/**
 * The actions on one insured, the same in Mes contrats and Mes salariés: radiate (while
 * covered), the affiliation certificate, the radiation certificate (once radiated). Each
 * button's name says whom it concerns ("Radier Jean Dupont"), the visible text stays short.
 */
export function EmployeeActions({ companyId, employee, onRadiate }: EmployeeActionsProps) {
  const name = fullName(employee);
  const ids = { companyId, employeeId: employee.employeeId };
  return (
    <ul className="emp-actions">
      {employee.endDate ? null : (
        <li>
          <button
            type="button"
            className="emp-link-button emp-link-button--danger"
            aria-label={`${employeesCopy.radiate} ${name}`}
            onClick={() => onRadiate(employee)}
          >
            {employeesCopy.radiate}
          </button>
        </li>
      )}
      <li>
        <DownloadButton
          variant="link"
          label={`Télécharger le certificat d'affiliation de ${name}`}
          request={() => getAffiliationCertificate(ids)}
          announce={() => `Certificat d'affiliation de ${name} : téléchargement lancé.`}
        >
          {employeesCopy.affiliationCertificate}
        </DownloadButton>
      </li>
      {employee.endDate ? (
        <li>
          <DownloadButton
            variant="link"
            label={`Télécharger l'attestation de radiation de ${name}`}
            request={() => getRadiationCertificate(ids)}
            announce={() => `Attestation de radiation de ${name} : téléchargement lancé.`}
          >
            {employeesCopy.radiationCertificate}
          </DownloadButton>
        </li>
      ) : null}
    </ul>
  );
}
