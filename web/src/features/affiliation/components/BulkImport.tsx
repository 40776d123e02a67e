import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type RefObject } from 'react';
import { Link } from 'react-router';
import { PRE_AFFILIATION_CSV_COLUMNS } from '../../../../../functions/contracts/affiliation';
import { FormAlert, FormSuccess } from '../../../shared/forms/FormAlert';
import { formError, type FormError } from '../../../shared/forms/server-errors';
import { sections } from '../../../shared/sections';
import { errorMessage } from '../../employees/components/feedback';
import { importPreAffiliations, type ImportReport } from '../api/import-pre-affiliations';
import { affiliationKeys } from '../api/keys';
import { affiliationCopy as copy } from '../copy';
import {
  CSV_COLUMN_HELP,
  CSV_TEMPLATE_FILE_NAME,
  csvFileProblem,
  csvTemplateHref,
} from '../lib/csv-template';

interface ChosenFile {
  importId: string;
  fileName: string;
  csv: string;
}

type State =
  | { name: 'idle' }
  | { name: 'checking'; file: ChosenFile }
  | { name: 'checked'; file: ChosenFile; report: ImportReport }
  | { name: 'creating'; file: ChosenFile; report: ImportReport }
  | { name: 'created'; report: ImportReport };

/**
 * "Pré-affiliation en masse": a CSV chosen → read here → checked by the API without creating
 * anything (dry run) → the report, line by line → "Créer les N demandes" with the same
 * importId (a second click or a retry creates nothing twice) → the result.
 */
export function BulkImport({ companyId }: { companyId: string }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>({ name: 'idle' });
  const [error, setError] = useState<FormError | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const id = useId();

  const focusResult = () => window.requestAnimationFrame(() => resultRef.current?.focus());

  const check = async (picked: File) => {
    setError(null);
    const csv = await picked.text();
    const problem = csvFileProblem(picked.name, csv);
    if (problem) {
      setState({ name: 'idle' });
      setError(formError(problem, false));
      return;
    }
    // One id per file chosen: the dry run and the creation speak of the same import.
    const file: ChosenFile = { importId: crypto.randomUUID(), fileName: picked.name, csv };
    setState({ name: 'checking', file });
    try {
      const report = await importPreAffiliations(companyId, { ...file, dryRun: true });
      setState({ name: 'checked', file, report });
      focusResult();
    } catch (caught) {
      setState({ name: 'idle' });
      setError(formError(errorMessage(caught)));
    }
  };

  const create = async () => {
    if (state.name !== 'checked') return;
    const { file } = state;
    setError(null);
    setState({ name: 'creating', file, report: state.report });
    try {
      const report = await importPreAffiliations(companyId, { ...file, dryRun: false });
      if (report.errors.length > 0 || report.created === 0) {
        // Something changed since the dry run (a duplicate created meanwhile): the new report says what.
        setState({ name: 'checked', file, report });
      } else {
        setState({ name: 'created', report });
        void queryClient.invalidateQueries({ queryKey: affiliationKeys.all(companyId) });
      }
      focusResult();
    } catch (caught) {
      setState({ name: 'checked', file, report: state.report });
      setError(formError(errorMessage(caught)));
    }
  };

  const restart = () => {
    setState({ name: 'idle' });
    setError(null);
    window.requestAnimationFrame(() => inputRef.current?.focus());
  };

  const busy = state.name === 'checking' || state.name === 'creating';
  const report = state.name === 'checked' || state.name === 'creating' ? state.report : null;

  return (
    <div className="form-card aff-card aff-bulk">
      <p>{copy.bulkIntro}</p>
      <FormAlert error={error} />

      {state.name === 'created' ? (
        <>
          <FormSuccess title={copy.bulkCreated(state.report.created)}>
            <p>
              Chaque salarié reçoit son formulaire d’affiliation par e-mail, ou par courrier lorsque son
              e-mail n’était pas renseigné. Suivez-les dans{' '}
              <Link to={sections.affiliationTracking.path}>{sections.affiliationTracking.title}</Link>.
            </p>
          </FormSuccess>
          <ul className="aff-bulk__created">
            {state.report.requests.map((request) => (
              <li key={request.requestId}>
                {request.firstName} {request.lastName} —{' '}
                {request.mode === 'email' ? 'par e-mail' : 'par courrier'}
              </li>
            ))}
          </ul>
          <p className="button-row">
            <button type="button" className="button button--secondary" onClick={restart}>
              {copy.bulkAnother}
            </button>
          </p>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor={id} className="field__label">
              {copy.bulkFileLabel}
            </label>
            <p id={`${id}-aide`} className="field__hint">
              {copy.bulkFileHint}{' '}
              <a href={csvTemplateHref()} download={CSV_TEMPLATE_FILE_NAME}>
                {copy.bulkTemplate}
              </a>
            </p>
            <input
              ref={inputRef}
              id={id}
              type="file"
              className="file-input"
              accept=".csv,text/csv"
              disabled={busy}
              aria-describedby={`${id}-aide`}
              onChange={(event) => {
                const picked = event.target.files?.[0];
                // Cleared, so that the same file, corrected, can be chosen again.
                event.target.value = '';
                if (picked) void check(picked);
              }}
            />
          </div>
          <details className="aff-bulk__columns">
            <summary>{copy.bulkColumns}</summary>
            <ol>
              {PRE_AFFILIATION_CSV_COLUMNS.map((column) => (
                <li key={column}>
                  <code>{column}</code> : {CSV_COLUMN_HELP[column]}
                </li>
              ))}
            </ol>
          </details>
        </>
      )}

      <p className="visually-hidden" role="status">
        {state.name === 'checking' ? copy.bulkChecking : state.name === 'creating' ? copy.bulkCreating : ''}
      </p>
      {busy ? (
        <p className="aff-pending" aria-hidden="true">
          {state.name === 'checking' ? copy.bulkChecking : copy.bulkCreating}
        </p>
      ) : null}

      {report && state.name !== 'idle' && 'file' in state ? (
        <ImportReportView
          fileName={state.file.fileName}
          report={report}
          headingRef={resultRef}
          creating={state.name === 'creating'}
          onCreate={() => void create()}
        />
      ) : null}
    </div>
  );
}

interface ImportReportViewProps {
  fileName: string;
  report: ImportReport;
  headingRef: RefObject<HTMLHeadingElement | null>;
  creating: boolean;
  onCreate: () => void;
}

/** The dry run's answer: every error by line and column, or the go-ahead. */
function ImportReportView({ fileName, report, headingRef, creating, onCreate }: ImportReportViewProps) {
  const valid = report.errors.length === 0;
  return (
    <section className="aff-report" aria-labelledby="aff-report-titre">
      <h3 id="aff-report-titre" ref={headingRef} tabIndex={-1} className="aff-bulk__title">
        {copy.bulkReportTitle} : {fileName}
      </h3>
      <p>
        {report.lines} {report.lines > 1 ? 'lignes lues' : 'ligne lue'}
        {valid
          ? ', aucune erreur.'
          : `, ${report.errors.length} ${report.errors.length > 1 ? 'erreurs' : 'erreur'}.`}
      </p>
      {valid && report.lines === 0 ? <p className="aff-report__fix">{copy.bulkNoLines}</p> : null}
      {valid && report.lines > 0 ? (
        <p className="button-row">
          <button
            type="button"
            className="button"
            aria-disabled={creating || undefined}
            onClick={() => !creating && onCreate()}
          >
            {creating ? copy.bulkCreating : copy.bulkCreate(report.lines)}
          </button>
        </p>
      ) : null}
      {valid ? null : (
        <>
          <p className="aff-report__fix">{copy.bulkFix}</p>
          <div className="table-wrap">
            <table className="table table--stack aff-report__table">
              <caption className="visually-hidden">{copy.bulkReportCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  <th scope="col">Champ</th>
                  <th scope="col">Erreur</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((problem, index) => (
                  <tr key={`${problem.line}-${problem.field}-${index}`}>
                    <th scope="row" data-label="Ligne">
                      {problem.line}
                    </th>
                    <td data-label="Champ">
                      <code>{problem.field}</code>
                    </td>
                    <td data-label="Erreur">{problem.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
