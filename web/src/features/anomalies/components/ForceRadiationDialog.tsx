import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { isoDate } from '../../../../../functions/contracts/common';
import type { AnomalySummary } from '../../../../../functions/contracts/anomalies';
import { radiationReason } from '../../../../../functions/contracts/employees';
import { FormAlert, SubmitButton } from '../../../shared/forms/FormAlert';
import { TextField } from '../../../shared/forms/fields';
import { applyServerError } from '../../../shared/forms/server-errors';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import { z } from '../../../shared/forms/zod';
import { SelectField } from '../../employees/components/SelectField';
import { REASON_OPTIONS } from '../../employees/lib/radiation-form';
import { Modal } from '../../../shared/components/Modal';
import { forceRadiation } from '../api/resolve-anomaly';
import { anomaliesCopy } from '../copy';
import { anomalyHolder, radiationDefaults } from '../lib/actions';
import { ActionFooter } from './ActionFooter';
import { AnomalyRecap } from './AnomalyRecap';
import { useAnomalyAction, type ActionOutcome } from './use-anomaly-action';

const FIELDS = ['endDate', 'reason'] as const;

/** The contract's own rules for the two fields, with messages that say what to do. */
const schema = z.object({
  endDate: z
    .string()
    .min(1, { error: 'Indiquez une date de fin complète (jour, mois et année).' })
    .pipe(isoDate),
  reason: z.string().min(1, { error: 'Choisissez un motif de radiation.' }).pipe(radiationReason),
});

type Values = z.input<typeof schema>;

interface ForceRadiationDialogProps {
  companyId: string;
  anomaly: AnomalySummary;
  onClose: (outcome: ActionOutcome) => void;
}

/**
 * "Forcer la radiation": the radiation of Mes salariés, with the end date and reason the DSN
 * declared already filled in (editable), and what follows — ayants droit, portabilité.
 */
export function ForceRadiationDialog({ companyId, anomaly, onClose }: ForceRadiationDialogProps) {
  const name = anomalyHolder(anomaly);
  const { run, alert, pending } = useAnomalyAction(companyId, anomaly, forceRadiation);
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: radiationDefaults(anomaly),
  });
  const { errors } = form.formState;
  const close = () => onClose(alert?.conflict ? { conflict: true } : {});

  const [submit] = useSingleFlight(
    form.handleSubmit(async (values) => {
      const resolved = await run({ version: anomaly.version, ...values }, (error) =>
        applyServerError(error, form.setError, FIELDS),
      );
      if (resolved) onClose({ resolved });
    }),
  );

  return (
    <Modal title={anomaliesCopy.forceRadiationTitle(name)} busy={pending} onClose={close}>
      <AnomalyRecap anomaly={anomaly} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <p>{anomaliesCopy.forceRadiationIntro}</p>
        <FormAlert error={alert} />
        <TextField
          type="date"
          label={anomaliesCopy.endDateLabel}
          hint={anomaliesCopy.endDateHint}
          aria-required
          className="field__input--short"
          registration={form.register('endDate')}
          error={errors.endDate?.message}
        />
        <SelectField
          label={anomaliesCopy.reasonLabel}
          placeholder={anomaliesCopy.reasonPlaceholder}
          options={REASON_OPTIONS}
          aria-required
          registration={form.register('reason')}
          error={errors.reason?.message}
        />
        <div className="anm-explain">
          <p className="anm-explain__title">À la date de fin :</p>
          <ul>
            {anomaliesCopy.forceRadiationConsequences(name).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
        <ActionFooter alert={alert} pending={pending} onClose={close}>
          <SubmitButton pending={pending} pendingLabel={anomaliesCopy.forceRadiationPending}>
            {anomaliesCopy.forceRadiationConfirm}
          </SubmitButton>
        </ActionFooter>
      </form>
    </Modal>
  );
}
