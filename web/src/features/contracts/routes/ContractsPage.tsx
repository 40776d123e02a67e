import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { RISQUE_LABELS, STATUT_LABELS } from '../../../../../functions/contracts/common';
import { Page } from '../../../shared/components/Page';
import { sections } from '../../../shared/sections';
import { useCompanies } from '../../../shared/session/company';
import { DateValue, LoadingMessage, LoadMoreButton, QueryError } from '../../employees/components/feedback';
import { useRadiationDialog } from '../../employees/components/use-radiation-dialog';
import { useLoadMoreFocus } from '../../employees/components/use-load-more-focus';
import { formatCount } from '../../../shared/format';
import { useContractDetail } from '../api/get-contract';
import { useContracts } from '../api/list-contracts';
import { ContractsTable } from '../components/ContractsTable';
import { InsuredTable } from '../components/InsuredTable';
import { CONTRACT_PARAM } from '../contract-param';
import '../contracts.css';

/** Mes contrats, and a contract's insured (`?contrat=`, same page, so the router stays untouched). */
export function ContractsPage() {
  const { current } = useCompanies();
  const [params] = useSearchParams();
  const contractNumber = params.get(CONTRACT_PARAM);

  // Between the list and a detail only the query string changes: the page's own focus move
  // (on a new path) does not happen, so the new view's heading takes the focus here.
  const shown = useRef(contractNumber);
  useEffect(() => {
    if (shown.current === contractNumber) return;
    shown.current = contractNumber;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [contractNumber]);

  if (!current) {
    return (
      <Page title={sections.contracts.title} lead={sections.contracts.summary}>
        <p className="notice">
          Aucune entreprise n'est rattachée à votre compte : il n'y a pas de contrat à afficher.
        </p>
      </Page>
    );
  }
  return contractNumber ? (
    <ContractDetail
      key={`${current.companyId}/${contractNumber}`}
      companyId={current.companyId}
      contractNumber={contractNumber}
    />
  ) : (
    <ContractsList companyId={current.companyId} companyName={current.name} />
  );
}

function ContractsList({ companyId, companyName }: { companyId: string; companyName: string }) {
  const contracts = useContracts(companyId);
  return (
    <Page title={sections.contracts.title} lead={sections.contracts.summary}>
      {contracts.isPending ? <LoadingMessage>Chargement des contrats…</LoadingMessage> : null}
      {contracts.isError ? (
        <QueryError
          title="Vos contrats n'ont pas pu être chargés."
          error={contracts.error}
          onRetry={() => void contracts.refetch()}
        />
      ) : null}
      {contracts.data ? (
        contracts.data.items.length > 0 ? (
          <>
            <p className="emp-results">
              {formatCount(contracts.data.items.length, 'contrat')} pour {companyName}.
            </p>
            <ContractsTable contracts={contracts.data.items} companyName={companyName} />
          </>
        ) : (
          <div className="emp-empty">
            <p>Aucun contrat n'est enregistré pour {companyName}.</p>
            <p>
              Vos contrats apparaissent ici dès que HCR Bien-Être les a enregistrés. Une question ?{' '}
              <Link to={sections.contact.path}>{sections.contact.title}</Link>.
            </p>
          </div>
        )
      ) : null}
    </Page>
  );
}

function ContractDetail({ companyId, contractNumber }: { companyId: string; contractNumber: string }) {
  const detail = useContractDetail(companyId, contractNumber);
  const resultsRef = useRef<HTMLParagraphElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const radiation = useRadiationDialog({ companyId, fallbackFocus: () => resultsRef.current });
  const contract = detail.data?.pages[0]?.contract;
  const insured = detail.data?.pages.flatMap((page) => page.insured) ?? [];
  const more = Boolean(detail.hasNextPage);
  const focusNewRows = useLoadMoreFocus(tableRef, insured.length, detail.isFetchingNextPage, resultsRef);

  return (
    <Page
      title={`Contrat ${contractNumber} · ${sections.contracts.title}`}
      heading={
        <>
          Contrat {contractNumber}
          {contract ? (
            <span className="page__title-detail">
              {contract.product} · {STATUT_LABELS[contract.statut]} · {RISQUE_LABELS[contract.risque]}
            </span>
          ) : null}
        </>
      }
    >
      <p className="ctr-back">
        <Link to={sections.contracts.path} className="ctr-back__link">
          <span aria-hidden="true">←</span> Retour à la liste des contrats
        </Link>
      </p>

      {detail.isPending ? <LoadingMessage>Chargement du contrat…</LoadingMessage> : null}
      {detail.isError && !detail.data ? (
        <QueryError
          title="Ce contrat n'a pas pu être affiché."
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      ) : null}

      {contract ? (
        <>
          <section className="card ctr-summary" aria-labelledby="contrat-titre">
            <h2 id="contrat-titre" className="card__title">
              Le contrat
            </h2>
            <dl className="ctr-summary__list">
              <div>
                <dt>Statut</dt>
                <dd>{STATUT_LABELS[contract.statut]}</dd>
              </div>
              <div>
                <dt>Risque</dt>
                <dd>{RISQUE_LABELS[contract.risque]}</dd>
              </div>
              <div>
                <dt>Contrat employeur</dt>
                <dd>{contract.contractNumber}</dd>
              </div>
              <div>
                <dt>Contrat</dt>
                <dd>{contract.product}</dd>
              </div>
              <div>
                <dt>Date d'effet</dt>
                <dd>
                  <DateValue iso={contract.effectiveDate} />
                </dd>
              </div>
              <div>
                <dt>Date de fin</dt>
                <dd>
                  <DateValue iso={contract.endDate} />
                </dd>
              </div>
            </dl>
          </section>

          <section className="ctr-insured-section" aria-labelledby="assures-titre">
            <h2 id="assures-titre">Assurés du contrat</h2>
            <p ref={resultsRef} className="emp-results" role="status" tabIndex={-1}>
              {insured.length === 0
                ? 'Aucun assuré sur ce contrat.'
                : `${formatCount(insured.length, 'assuré affiché', 'assurés affichés')}${more ? ". D'autres assurés peuvent être chargés." : '.'}`}
            </p>
            {insured.length > 0 ? (
              <div ref={tableRef}>
                <InsuredTable
                  companyId={companyId}
                  contractNumber={contract.contractNumber}
                  insured={insured}
                  onRadiate={radiation.open}
                />
              </div>
            ) : null}
            {detail.isError ? (
              <QueryError title="La suite de la liste n'a pas pu être chargée." error={detail.error} />
            ) : null}
            {more ? (
              <LoadMoreButton
                subject="d'assurés"
                pending={detail.isFetchingNextPage}
                onLoad={() => {
                  focusNewRows();
                  void detail.fetchNextPage();
                }}
              />
            ) : null}
          </section>
        </>
      ) : null}
      {radiation.dialog}
    </Page>
  );
}
