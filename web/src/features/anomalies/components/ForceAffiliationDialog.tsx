import type { FormEvent } from 'react';
import type { AnomalySummary } from '../../../../../functions/contracts/anomalies';
import { FormAlert, SubmitButton } from '../../../shared/forms/FormAlert';
import { Modal } from '../../../shared/components/Modal';
import { forceAffiliation } from '../api/resolve-anomaly';
import { anomaliesCopy } from '../copy';
import { anomalyHolder, forceAffiliationExplanation } from '../lib/actions';
import { ActionFooter } from './ActionFooter';
import { AnomalyRecap } from './AnomalyRecap';
import { useAnomalyAction, type ActionOutcome } from './use-anomaly-action';

interface ForceAffiliationDialogProps {
  companyId: string;
  anomaly: AnomalySummary;
  onClose: (outcome: ActionOutcome) => void;
}

/** "Forcer l'affiliation": what it will do, from the DSN's data, then the confirmation. */
export function ForceAffiliationDialog({ companyId, anomaly, onClose }: ForceAffiliationDialogProps) {
  const name = anomalyHolder(anomaly);
  const explanation = forceAffiliationExplanation(anomaly);
  const { run, alert, pending } = useAnomalyAction(companyId, anomaly, forceAffiliation);
  const close = () => onClose(alert?.conflict ? { conflict: true } : {});

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const resolved = await run({ version: anomaly.version });
    if (resolved) onClose({ resolved });
  };

  return (
    <Modal title={anomaliesCopy.forceAffiliationTitle(name)} busy={pending} onClose={close}>
      <AnomalyRecap anomaly={anomaly} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="anm-explain">
          {explanation.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
        <FormAlert error={alert} />
        <ActionFooter alert={alert} pending={pending} onClose={close}>
          <SubmitButton pending={pending} pendingLabel={anomaliesCopy.forceAffiliationPending}>
            {anomaliesCopy.forceAffiliationConfirm}
          </SubmitButton>
        </ActionFooter>
      </form>
    </Modal>
  );
}
