import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { AUDIT_ACTION_LABELS } from '../../../../../functions/contracts/users';
import { isApiError, messageForStatus } from '../../../shared/api';
import { formatCount, formatDateTime } from '../../../shared/format';
import { useAuditEvents, useCompanyUsers } from '../api/users-api';
import { actionLabel, cleanFilters, describeChanges, periodError, type AuditFilters } from '../lib/audit';

const EMPTY: Required<AuditFilters> = { actorId: '', action: '', from: '', to: '' };
const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).sort((a, b) => a[1].localeCompare(b[1], 'fr'));

/** "Journal des modifications": who changed what and when on this company, newest first. */
export function AuditJournal({ companyId }: { companyId: string }) {
  const ids = { actor: useId(), action: useId(), from: useId(), to: useId(), period: useId() };
  const [draft, setDraft] = useState(EMPTY);
  const [applied, setApplied] = useState<AuditFilters>({});
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const journal = useAuditEvents(companyId, applied);
  const users = useCompanyUsers(companyId);
  const tableRef = useRef<HTMLTableSectionElement>(null);
  const focusRowAt = useRef<number | null>(null);

  const rows = journal.data?.pages.flatMap((page) => page.items) ?? [];
  const loadingMore = journal.isFetchingNextPage;

  // After "Charger plus", the first new row takes the focus, so reading goes on from there.
  useEffect(() => {
    const index = focusRowAt.current;
    if (index === null || loadingMore) return;
    focusRowAt.current = null;
    tableRef.current?.querySelectorAll<HTMLElement>('[data-audit-row]')[index]?.focus();
  }, [rows.length, loadingMore]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const error = periodError(draft.from, draft.to);
    setPeriod(error);
    if (error) {
      document.getElementById(ids.from)?.focus();
      return;
    }
    setApplied(cleanFilters(draft));
  };

  const reset = () => {
    setDraft(EMPTY);
    setPeriod(undefined);
    setApplied({});
  };

  const filtered = Object.keys(applied).length > 0;
  return (
    <>
      <form className="hab-filters" noValidate onSubmit={onSubmit} aria-label="Filtrer le journal">
        <div className="hab-filters__grid">
          <div className="field">
            <label htmlFor={ids.actor} className="field__label">
              Modifié par
            </label>
            <select
              id={ids.actor}
              className="field__input"
              value={draft.actorId}
              onChange={(event) => setDraft({ ...draft, actorId: event.target.value })}
            >
              <option value="">Tous les utilisateurs</option>
              {(users.data?.items ?? []).map((user) => (
                <option key={user.userId} value={user.userId}>
                  {user.firstName} {user.lastName}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.action} className="field__label">
              Action
            </label>
            <select
              id={ids.action}
              className="field__input"
              value={draft.action}
              onChange={(event) => setDraft({ ...draft, action: event.target.value })}
            >
              <option value="">Toutes les actions</option>
              {ACTION_OPTIONS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className={period ? 'field field--error' : 'field'}>
            <label htmlFor={ids.from} className="field__label">
              Du
            </label>
            {period ? (
              <p id={ids.period} className="field__error">
                <span className="visually-hidden">Erreur : </span>
                {period}
              </p>
            ) : null}
            <input
              id={ids.from}
              type="date"
              className="field__input"
              value={draft.from}
              aria-invalid={period ? true : undefined}
              aria-describedby={period ? ids.period : undefined}
              onChange={(event) => setDraft({ ...draft, from: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.to} className="field__label">
              Au
            </label>
            <input
              id={ids.to}
              type="date"
              className="field__input"
              value={draft.to}
              onChange={(event) => setDraft({ ...draft, to: event.target.value })}
            />
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            Filtrer
          </button>
          {filtered ? (
            <button type="button" className="button--link" onClick={reset}>
              Effacer les filtres
            </button>
          ) : null}
        </div>
      </form>

      <p className="hab-muted" role="status">
        {journal.isPending
          ? 'Chargement du journal…'
          : journal.isSuccess
            ? `${formatCount(rows.length, 'modification affichée', 'modifications affichées')}${filtered ? ' pour ces critères' : ''}${journal.hasNextPage ? ' ; d’autres, plus anciennes, peuvent être chargées' : ''}.`
            : ''}
      </p>

      {journal.isError ? (
        <div className="hab-error" role="alert">
          <p>
            Le journal n’a pas pu être chargé :{' '}
            {isApiError(journal.error) ? journal.error.message : messageForStatus(500)}
          </p>
          <button type="button" className="button button--secondary" onClick={() => void journal.refetch()}>
            Réessayer
          </button>
        </div>
      ) : null}

      {journal.isSuccess && rows.length === 0 ? (
        <p className="hab-muted">
          {filtered
            ? 'Aucune modification ne correspond à ces critères.'
            : 'Aucune modification enregistrée.'}
        </p>
      ) : null}

      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table table--stack hab-journal">
            <caption className="visually-hidden">
              Journal des modifications, de la plus récente à la plus ancienne
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Modifié par</th>
                <th scope="col">Action</th>
                <th scope="col">Personne ou élément concerné</th>
                <th scope="col">Détail</th>
              </tr>
            </thead>
            <tbody ref={tableRef}>
              {rows.map((event) => {
                const details = describeChanges(event.changes);
                return (
                  <tr key={event.auditId}>
                    <th scope="row" className="nowrap" data-audit-row tabIndex={-1}>
                      {formatDateTime(event.at)}
                    </th>
                    <td data-label="Modifié par">{event.actorName || <NotRecorded />}</td>
                    <td data-label="Action">{actionLabel(event.action)}</td>
                    <td data-label="Concerné">{event.targetName || <NotRecorded />}</td>
                    <td data-label="Détail">
                      {details.length === 0 ? (
                        <NotRecorded />
                      ) : (
                        <ul className="hab-journal__details">
                          {details.map((line) => (
                            <li key={line}>{line}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}

      {journal.hasNextPage ? (
        <p className="hab-load-more">
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={loadingMore || undefined}
            onClick={() => {
              if (loadingMore) return;
              focusRowAt.current = rows.length;
              void journal.fetchNextPage();
            }}
          >
            {loadingMore ? 'Chargement…' : 'Charger plus'}
            <span className="visually-hidden"> de modifications</span>
          </button>
        </p>
      ) : null}
    </>
  );
}

/** An empty cell, read as such rather than as "tiret". */
function NotRecorded() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">Non renseigné</span>
    </>
  );
}
