import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { decideDispenseRequest, type DispenseSummary } from '../../../../../functions/contracts/anomalies';
import { isApiError } from '../../../shared/api';
import { formatDate, formatSiret } from '../../../shared/format';
import { FormAlert, SubmitButton } from '../../../shared/forms/FormAlert';
import { applyServerError, formError, type FormError } from '../../../shared/forms/server-errors';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import type { z } from '../../../shared/forms/zod';
import { TextAreaField } from '../../contact/components/fields';
import { Modal } from '../../../shared/components/Modal';
import { useDecideDispense } from '../api/decide-dispense';
import { dispensesCopy } from '../copy';
import { ENDING_SOON_DAYS } from '../lib/links';
import { dispenseHolder } from '../lib/holder';
import '../../habilitations/habilitations.css';
import '../dispenses.css';

export type Decision = 'validated' | 'refused';

type Values = z.input<typeof decideDispenseRequest>;

interface DecideDispenseDialogProps {
  companyId: string;
  dispense: DispenseSummary;
  decision: Decision;
  /** `decided`: the dispense the server answered; `conflict`: the list must be reloaded. */
  onClose: (outcome: { decided?: DispenseSummary; conflict?: boolean }) => void;
}

/**
 * Valider / Refuser a dispense: what the decision does, then the confirmation. A refusal needs
 * its reason (the employee receives it); both send the version the user saw.
 */
export function DecideDispenseDialog({ companyId, dispense, decision, onClose }: DecideDispenseDialogProps) {
  const name = dispenseHolder(dispense);
  const decide = useDecideDispense(companyId);
  const [alert, setAlert] = useState<(FormError & { conflict?: boolean }) | null>(null);
  const form = useForm<Values, unknown, z.output<typeof decideDispenseRequest>>({
    resolver: zodResolver(decideDispenseRequest),
    defaultValues: { decision, comment: '', version: dispense.version },
  });
  const refusing = decision === 'refused';

  const [submit, pending] = useSingleFlight(
    form.handleSubmit(async (values) => {
      setAlert(null);
      try {
        const decided = await decide.mutateAsync({
          dispenseId: dispense.dispenseId,
          body: {
            decision: values.decision,
            version: values.version,
            // The schema has trimmed it; a validation needs none.
            ...(refusing ? { comment: values.comment } : {}),
          },
        });
        onClose({ decided });
      } catch (error) {
        if (isApiError(error) && error.status === 409) {
          setAlert({ ...formError(dispensesCopy.conflict), conflict: true });
          return;
        }
        setAlert(applyServerError(error, form.setError, ['comment']));
      }
    }),
  );

  return (
    <Modal
      title={refusing ? dispensesCopy.refuseTitle(name) : dispensesCopy.validateTitle(name)}
      busy={pending}
      onClose={() => onClose(alert?.conflict ? { conflict: true } : {})}
    >
      <dl className="dsp-recap">
        <div>
          <dt>Salarié</dt>
          <dd>
            {name} <span className="dsp-muted nowrap">{dispense.maskedNir}</span>
          </dd>
        </div>
        <div>
          <dt>Établissement</dt>
          <dd>
            {dispense.establishmentName}{' '}
            <span className="dsp-muted nowrap">SIRET {formatSiret(dispense.siret)}</span>
          </dd>
        </div>
        <div>
          <dt>Motif</dt>
          <dd>{dispense.reasonLabel}</dd>
        </div>
        <div>
          <dt>Date de fin</dt>
          <dd>{dispense.endDate ? formatDate(dispense.endDate) : dispensesCopy.noEndDate}</dd>
        </div>
        <div>
          <dt>Justificatifs</dt>
          <dd>
            {dispense.proofs.length > 0
              ? dispense.proofs.map((proof) => proof.fileName).join(', ')
              : dispensesCopy.noProof}
          </dd>
        </div>
      </dl>

      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        {refusing ? (
          <p>{dispensesCopy.refuseExplain(name)}</p>
        ) : (
          <>
            <p>
              {dispensesCopy.validateExplain(name, dispense.endDate ? formatDate(dispense.endDate) : null)}
            </p>
            {dispense.endDate ? <p>{dispensesCopy.validateReminder(ENDING_SOON_DAYS)}</p> : null}
          </>
        )}
        <FormAlert error={alert} />
        {refusing ? (
          <TextAreaField
            label={dispensesCopy.commentLabel}
            hint={dispensesCopy.commentHint}
            rows={4}
            maxLength={500}
            aria-required
            registration={form.register('comment')}
            error={form.formState.errors.comment?.message}
          />
        ) : null}
        <div className="form__actions form__actions--split">
          <button
            type="button"
            className="button button--secondary"
            data-autofocus={refusing ? undefined : true}
            onClick={() => {
              if (!pending) onClose(alert?.conflict ? { conflict: true } : {});
            }}
          >
            {alert?.conflict ? dispensesCopy.reload : dispensesCopy.cancel}
          </button>
          {alert?.conflict ? null : (
            <SubmitButton
              pending={pending}
              pendingLabel={refusing ? dispensesCopy.pendingRefuse : dispensesCopy.pendingValidate}
            >
              {refusing ? dispensesCopy.confirmRefuse : dispensesCopy.confirmValidate}
            </SubmitButton>
          )}
        </div>
      </form>
    </Modal>
  );
}
