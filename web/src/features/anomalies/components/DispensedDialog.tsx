import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { dispenseId, type AnomalySummary } from '../../../../../functions/contracts/anomalies';
import { formatDate, formatSiret } from '../../../shared/format';
import { FormAlert, SubmitButton } from '../../../shared/forms/FormAlert';
import { applyServerError } from '../../../shared/forms/server-errors';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import { z } from '../../../shared/forms/zod';
import { sections } from '../../../shared/sections';
import { useDispenseList } from '../../dispenses/api/list-dispenses';
import { dispenseHolder } from '../../dispenses/lib/holder';
import { LoadingMessage, LoadMoreButton, QueryError } from '../../employees/components/feedback';
import { Modal } from '../../../shared/components/Modal';
import { resolveAnomalyAsDispensed } from '../api/resolve-anomaly';
import { anomaliesCopy } from '../copy';
import { anomalyHolder, rankDispenses } from '../lib/actions';
import { ActionFooter } from './ActionFooter';
import { AnomalyRecap } from './AnomalyRecap';
import { useAnomalyAction, type ActionOutcome } from './use-anomaly-action';

const schema = z.object({
  dispenseId: z.string().min(1, { error: anomaliesCopy.dispensedRequired }).pipe(dispenseId),
});
type Values = z.infer<typeof schema>;

/** Only validated dispenses can close an anomaly (route `resolveAnomalyAsDispensed`). */
const VALIDATED = { state: 'validated' } as const;

interface DispensedDialogProps {
  companyId: string;
  anomaly: AnomalySummary;
  onClose: (outcome: ActionOutcome) => void;
}

/**
 * "Dispensé": choose one of the company's validated dispenses — the employee's own listed
 * first — and link it to the anomaly, which closes it without an affiliation.
 */
export function DispensedDialog({ companyId, anomaly, onClose }: DispensedDialogProps) {
  const name = anomalyHolder(anomaly);
  const id = useId();
  const dispenses = useDispenseList(companyId, VALIDATED);
  const { run, alert, pending } = useAnomalyAction(companyId, anomaly, resolveAnomalyAsDispensed);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { dispenseId: '' } });
  const error = form.formState.errors.dispenseId?.message;
  const close = () => onClose(alert?.conflict ? { conflict: true } : {});

  const items = dispenses.data?.pages.flatMap((page) => page.items) ?? [];
  const ranked = rankDispenses(anomaly, items);

  const [submit] = useSingleFlight(
    form.handleSubmit(async (values) => {
      const resolved = await run({ version: anomaly.version, dispenseId: values.dispenseId }, (caught) =>
        applyServerError(caught, form.setError, ['dispenseId']),
      );
      if (resolved) onClose({ resolved });
    }),
  );

  const errorId = `${id}-erreur`;
  return (
    <Modal title={anomaliesCopy.dispensedTitle(name)} busy={pending} onClose={close}>
      <AnomalyRecap anomaly={anomaly} />
      <p>{anomaliesCopy.dispensedIntro(name)}</p>
      {dispenses.isPending ? <LoadingMessage>{anomaliesCopy.dispensesLoading}</LoadingMessage> : null}
      {dispenses.isError && !dispenses.data ? (
        <QueryError
          title={anomaliesCopy.dispensesError}
          error={dispenses.error}
          onRetry={() => void dispenses.refetch()}
        />
      ) : null}
      {dispenses.data && ranked.length === 0 && !dispenses.hasNextPage ? (
        <div className="emp-empty">
          <p>{anomaliesCopy.noValidatedDispense(name)}</p>
          <p>
            <Link to={sections.dispenses.path}>{sections.dispenses.title}</Link>
          </p>
        </div>
      ) : null}

      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        {ranked.length > 0 ? (
          <fieldset
            className={error ? 'field field--error anm-pick' : 'field anm-pick'}
            aria-describedby={error ? errorId : undefined}
          >
            <legend className="field__label">{anomaliesCopy.dispensedLegend}</legend>
            {error ? (
              <p id={errorId} className="field__error">
                <span className="visually-hidden">Erreur : </span>
                {error}
              </p>
            ) : null}
            <ul className="anm-pick__list">
              {ranked.map(({ dispense, sameEmployee }) => {
                const optionId = `${id}-${dispense.dispenseId}`;
                return (
                  <li key={dispense.dispenseId} className="anm-pick__option">
                    <input
                      id={optionId}
                      type="radio"
                      className="radio__input"
                      value={dispense.dispenseId}
                      aria-invalid={error ? true : undefined}
                      {...form.register('dispenseId')}
                    />
                    <label htmlFor={optionId} className="anm-pick__label">
                      <span className="anm-pick__name">
                        {dispenseHolder(dispense)}
                        {sameEmployee ? (
                          <span className="badge anm-badge--match">{anomaliesCopy.sameEmployee}</span>
                        ) : null}
                      </span>
                      <span className="anm-muted">
                        {dispense.maskedNir} · {dispense.establishmentName} (SIRET{' '}
                        {formatSiret(dispense.siret)})
                      </span>
                      <span>
                        {dispense.reasonLabel}
                        {dispense.endDate ? `, jusqu'au ${formatDate(dispense.endDate)}` : ''}
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ) : null}
        {dispenses.hasNextPage ? (
          <LoadMoreButton
            subject="de dispenses validées"
            pending={dispenses.isFetchingNextPage}
            onLoad={() => void dispenses.fetchNextPage()}
          />
        ) : null}
        {dispenses.isError && dispenses.data ? (
          <QueryError title={anomaliesCopy.dispensesError} error={dispenses.error} />
        ) : null}
        <FormAlert error={alert} />
        <ActionFooter alert={alert} pending={pending} onClose={close}>
          {ranked.length > 0 ? (
            <SubmitButton pending={pending} pendingLabel={anomaliesCopy.dispensedPending}>
              {anomaliesCopy.dispensedConfirm}
            </SubmitButton>
          ) : null}
        </ActionFooter>
      </form>
    </Modal>
  );
}
