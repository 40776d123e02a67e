import { Link, useSearchParams } from 'react-router';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';
import { useCompanies } from '../../../shared/session/company';
import { BulkImport } from '../components/BulkImport';
import { PreAffiliationWizard } from '../components/PreAffiliationWizard';
import { affiliationCopy as copy } from '../copy';
import '../../../shared/forms/forms.css';
import '../../../shared/uploads/uploads.css';
import '../../employees/employees.css';
import '../affiliation.css';

/** `?import=csv` opens the bulk import (a link one can share or come back to). */
const BULK_PARAM = 'import';
const BULK_VALUE = 'csv';

/** Mes salariés › Pré-affilier un salarié: the guide's steps for one employee, or a CSV for many. */
export function PreAffiliationPage() {
  const { current } = useCompanies();
  const [search] = useSearchParams();
  const bulk = search.get(BULK_PARAM) === BULK_VALUE;
  return (
    <Page title={sections.preAffiliation.title} lead={sections.preAffiliation.summary}>
      {current ? (
        <>
          <nav className="aff-modes" aria-label={copy.modesLabel}>
            <ul>
              <li>
                <Link
                  to={sections.preAffiliation.path}
                  className="aff-modes__link"
                  aria-current={bulk ? undefined : 'page'}
                >
                  {copy.modes.single}
                </Link>
              </li>
              <li>
                <Link
                  to={`${sections.preAffiliation.path}?${BULK_PARAM}=${BULK_VALUE}`}
                  className="aff-modes__link"
                  aria-current={bulk ? 'page' : undefined}
                >
                  {copy.modes.bulk}
                </Link>
              </li>
            </ul>
          </nav>
          {/* A new company starts from a clean form: the previous one's establishments do not apply. */}
          {bulk ? (
            <section aria-labelledby="aff-bulk-titre">
              <h2 id="aff-bulk-titre">{copy.bulkTitle}</h2>
              <BulkImport key={current.companyId} companyId={current.companyId} />
            </section>
          ) : (
            <PreAffiliationWizard key={current.companyId} companyId={current.companyId} />
          )}
        </>
      ) : (
        <p className="notice">{copy.noCompany}</p>
      )}
    </Page>
  );
}
