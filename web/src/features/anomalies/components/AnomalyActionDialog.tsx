import type { AnomalySummary } from '../../../../../functions/contracts/anomalies';
import type { AnomalyAction } from '../lib/actions';
import { DispensedDialog } from './DispensedDialog';
import { ForceAffiliationDialog } from './ForceAffiliationDialog';
import { ForceRadiationDialog } from './ForceRadiationDialog';
import type { ActionOutcome } from './use-anomaly-action';
import '../../habilitations/habilitations.css';
import '../anomalies.css';

export interface AnomalyActionDialogProps {
  companyId: string;
  anomaly: AnomalySummary;
  action: AnomalyAction;
  onClose: (outcome: ActionOutcome) => void;
}

/** The dialog of one action (loaded on the first click, with its forms). */
export function AnomalyActionDialog({ action, ...props }: AnomalyActionDialogProps) {
  switch (action) {
    case 'forceAffiliation':
      return <ForceAffiliationDialog {...props} />;
    case 'forceRadiation':
      return <ForceRadiationDialog {...props} />;
    case 'dispensed':
      return <DispensedDialog {...props} />;
  }
}
