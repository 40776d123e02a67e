import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { AFFILIATION_STATUS_LABELS } from '../../../../../functions/contracts/affiliation';
import { isApiError, messageForStatus } from '../../../shared/api';
import { HelpLine } from '../../../shared/components/HelpLine';
import { Page } from '../../../shared/components/Page';
import { formatDateTime } from '../../../shared/format';
import { FormSuccess } from '../../../shared/forms/FormAlert';
import { sections } from '../../../shared/sections';
import { biaKeys, getBia, type Finalized } from '../api/bia-api';
import { BiaForm } from '../components/BiaForm';
import { biaCopy as copy } from '../copy';
import { forgetBiaToken, resolveBiaToken } from '../lib/link-token';
import '../../../shared/forms/forms.css';
import '../../../shared/uploads/uploads.css';
import '../bia.css';

/** A refusal meaning "this link opens nothing" (expired, replaced, unknown). */
const isDeadLink = (error: unknown) =>
  isApiError(error) && (error.status === 401 || error.status === 403 || error.status === 404);

/**
 * The employee's BIA, reached by the personal link `/bia#<token>` (no account). The token is
 * taken from the fragment, kept for this tab and removed from the address bar; every call
 * sends it in its own header.
 */
export function BiaPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => resolveBiaToken(location.hash));
  const [linkInvalid, setLinkInvalid] = useState(false);
  const [finalized, setFinalized] = useState<Finalized | null>(null);

  // The credential leaves the address bar (and the history) as soon as it is read.
  useEffect(() => {
    if (location.hash) {
      void navigate({ pathname: location.pathname, search: location.search }, { replace: true });
    }
  }, [location, navigate]);

  const bia = useQuery({
    queryKey: biaKeys.bia,
    queryFn: ({ signal }) => getBia(token!, signal),
    enabled: Boolean(token) && !linkInvalid,
    staleTime: Infinity,
  });

  const dead = !token || linkInvalid || (bia.isError && isDeadLink(bia.error));
  useEffect(() => {
    if (dead) forgetBiaToken();
  }, [dead]);

  if (!token || dead) return <InvalidLink />;

  if (finalized || bia.data?.status === 'finalized') {
    // A dispense asked for instead of the affiliation: the employer decides next.
    const dispense = finalized ? finalized.outcome === 'dispense' : bia.data?.draft.dispense !== undefined;
    return (
      <Page title={dispense ? copy.dispenseSentTitle : copy.finalizedTitle}>
        <div className="form-card bia-section">
          <FormSuccess title={`Statut : ${AFFILIATION_STATUS_LABELS.finalized}`}>
            {finalized ? (
              <p>
                {dispense ? 'Demande envoyée le' : 'Bulletin finalisé le'}{' '}
                {formatDateTime(finalized.finalizedAt)}.
              </p>
            ) : null}
            <p>{dispense ? copy.dispenseSentLead : copy.finalizedLead}</p>
          </FormSuccess>
          {bia.data ? (
            <p>
              Employeur : {bia.data.companyName} ({bia.data.establishmentName})
            </p>
          ) : null}
        </div>
      </Page>
    );
  }

  if (bia.data?.status === 'abandoned') {
    return (
      <Page title={copy.abandonedTitle} lead={copy.abandonedLead}>
        <div className="form-card bia-section">
          <HelpLine />
        </div>
      </Page>
    );
  }

  return (
    <Page title={sections.bia.title} lead={sections.bia.summary}>
      {bia.isPending ? (
        <p className="bia-loading" role="status">
          {copy.loading}
        </p>
      ) : null}
      {bia.isError ? (
        <div className="form-alert" role="alert">
          <div className="form-alert__body">
            <p>
              <strong>{copy.loadError}</strong>
            </p>
            <p>{isApiError(bia.error) ? bia.error.message : messageForStatus(500)}</p>
            <button type="button" className="button button--secondary" onClick={() => void bia.refetch()}>
              {copy.retry}
            </button>
          </div>
        </div>
      ) : null}
      {bia.data ? (
        <BiaForm
          key={bia.data.requestId}
          token={token}
          bia={bia.data}
          onFinalized={setFinalized}
          onLinkInvalid={() => setLinkInvalid(true)}
        />
      ) : null}
    </Page>
  );
}

/** Expired, replaced or incomplete link: what to do, and whom to call. */
function InvalidLink() {
  return (
    <Page title={copy.invalidTitle} lead={copy.invalidLead}>
      <div className="form-card bia-section">
        <ul className="bia-list">
          {copy.invalidWhat.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <HelpLine />
      </div>
    </Page>
  );
}
