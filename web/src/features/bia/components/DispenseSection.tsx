import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { CheckboxField, TextField } from '../../../shared/forms/fields';
import { SelectField } from '../../employees/components/SelectField';
import { biaCopy as copy } from '../copy';
import type { BiaFormValues } from '../lib/bia-form';
import { REASON_OPTIONS, ruleOf } from '../lib/dispense';
import { DocumentKindField } from './DocumentsSection';
import type { BiaDocuments } from './use-bia-documents';

interface DispenseSectionProps {
  control: Control<BiaFormValues>;
  register: UseFormRegister<BiaFormValues>;
  errors: FieldErrors<BiaFormValues>;
  documents: BiaDocuments;
}

/**
 * "Affiliation ou dispense": the box that turns the bulletin into a request for a dispense
 * d'adhésion, then what the chosen legal reason asks for — its end date, its proof — and the
 * sworn statement. The employer decides; the server checks it all again.
 */
export function DispenseSection({ control, register, errors, documents }: DispenseSectionProps) {
  const requested = useWatch({ control, name: 'dispense.requested' });
  const rule = ruleOf(useWatch({ control, name: 'dispense.reason' }));
  return (
    <section className="form-card bia-section" aria-labelledby="bia-dispense">
      <h2 id="bia-dispense" className="bia-section__title">
        {copy.dispenseTitle}
      </h2>
      <p className="form__intro">{copy.dispenseIntro}</p>
      <CheckboxField registration={register('dispense.requested')}>{copy.dispenseRequested}</CheckboxField>
      {requested ? (
        <>
          <SelectField
            label={copy.dispenseReason}
            placeholder={copy.dispenseReasonPlaceholder}
            options={REASON_OPTIONS}
            hint={rule ? copy.dispenseLegalBasis(rule.legalBasis) : undefined}
            registration={register('dispense.reason')}
            error={errors.dispense?.reason?.message}
          />
          {rule?.hasEndDate ? (
            <TextField
              type="date"
              label={rule.endDateLabel}
              hint={copy.dispenseEndDateHint(rule.maxMonthsAhead) || undefined}
              className="field__input--short"
              registration={register('dispense.endDate')}
              error={errors.dispense?.endDate?.message}
            />
          ) : null}
          {rule?.needsProof ? (
            <DocumentKindField
              kind="dispense_proof"
              documents={documents}
              label={rule.proofLabel ?? undefined}
              hint={copy.dispenseProofHint(rule.annualProof)}
            />
          ) : null}
          <CheckboxField
            registration={register('dispense.swornStatement')}
            error={errors.dispense?.swornStatement?.message}
          >
            {copy.dispenseSworn}
          </CheckboxField>
          <p className="bia-overview__note">{copy.dispenseOthersHidden}</p>
        </>
      ) : null}
    </section>
  );
}
