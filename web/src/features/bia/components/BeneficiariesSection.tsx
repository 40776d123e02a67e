import { useState } from 'react';
import {
  useFieldArray,
  useWatch,
  type Control,
  type FieldErrors,
  type UseFormRegister,
} from 'react-hook-form';
import { CheckboxField, RadioGroup, TextField } from '../../../shared/forms/fields';
import { biaCopy as copy } from '../copy';
import { newBeneficiary, type BiaFormValues } from '../lib/bia-form';

/** The contract's limit. */
const MAX_BENEFICIARIES = 12;

interface BeneficiariesSectionProps {
  control: Control<BiaFormValues>;
  register: UseFormRegister<BiaFormValues>;
  errors: FieldErrors<BiaFormValues>;
  /** The employee's own last name, proposed for a new child. */
  familyName: string;
}

/** The rank shown for each beneficiary: "Conjoint", "Enfant 1", "Enfant 2"… */
export function beneficiaryNames(kinds: readonly ('conjoint' | 'enfant')[]): string[] {
  let child = 0;
  return kinds.map((kind) => (kind === 'conjoint' ? copy.conjoint : copy.child((child += 1))));
}

/** "Vos bénéficiaires": at most one conjoint, children with their NIR or the parent's they are attached to. */
export function BeneficiariesSection({ control, register, errors, familyName }: BeneficiariesSectionProps) {
  const { fields, append, remove } = useFieldArray({ control, name: 'beneficiaries' });
  const [announcement, setAnnouncement] = useState('');
  const names = beneficiaryNames(fields.map((field) => field.kind));
  const hasConjoint = fields.some((field) => field.kind === 'conjoint');
  const full = fields.length >= MAX_BENEFICIARIES;
  const listError = errors.beneficiaries?.root?.message ?? errors.beneficiaries?.message;

  const add = (kind: 'conjoint' | 'enfant') => {
    append(newBeneficiary(kind, kind === 'enfant' ? familyName : ''), {
      shouldFocus: true,
      focusName: `beneficiaries.${fields.length}.lastName`,
    });
    const name =
      kind === 'conjoint' ? copy.conjoint : copy.child(fields.filter((f) => f.kind === 'enfant').length + 1);
    setAnnouncement(copy.added(name));
  };

  return (
    <section className="form-card bia-section" aria-labelledby="bia-beneficiaires" id="beneficiaries">
      <h2 id="bia-beneficiaires" className="bia-section__title" tabIndex={-1}>
        {copy.beneficiariesTitle}
      </h2>
      <p className="form__intro">{copy.beneficiariesIntro}</p>
      {listError ? (
        <p className="field__error" role="alert">
          {listError}
        </p>
      ) : null}
      {fields.map((field, index) => (
        <BeneficiaryFieldset
          key={field.id}
          index={index}
          name={names[index]!}
          kind={field.kind}
          control={control}
          register={register}
          errors={errors}
          onRemove={() => {
            remove(index);
            setAnnouncement(copy.removed(names[index]!));
            window.requestAnimationFrame(() => document.getElementById('bia-beneficiaires')?.focus());
          }}
        />
      ))}
      <div className="button-row bia-beneficiaries__add">
        {hasConjoint ? null : (
          <button
            type="button"
            className="button button--secondary"
            disabled={full}
            onClick={() => add('conjoint')}
          >
            {copy.addConjoint}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          disabled={full}
          onClick={() => add('enfant')}
        >
          {copy.addChild}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}

interface BeneficiaryFieldsetProps {
  index: number;
  name: string;
  kind: 'conjoint' | 'enfant';
  control: Control<BiaFormValues>;
  register: UseFormRegister<BiaFormValues>;
  errors: FieldErrors<BiaFormValues>;
  onRemove: () => void;
}

function BeneficiaryFieldset({
  index,
  name,
  kind,
  control,
  register,
  errors,
  onRemove,
}: BeneficiaryFieldsetProps) {
  const nirMode = useWatch({ control, name: `beneficiaries.${index}.nirMode` });
  const fieldErrors = errors.beneficiaries?.[index];
  const removeLabel =
    kind === 'conjoint' ? copy.removeConjoint : copy.removeChild(Number(name.replace(/\D/g, '')));
  return (
    <fieldset className="bia-beneficiary" data-beneficiary={name}>
      <legend className="bia-beneficiary__legend">{name}</legend>
      <TextField
        label={copy.lastName}
        autoComplete="off"
        aria-required
        registration={register(`beneficiaries.${index}.lastName`)}
        error={fieldErrors?.lastName?.message}
      />
      <TextField
        label={copy.firstName}
        autoComplete="off"
        aria-required
        registration={register(`beneficiaries.${index}.firstName`)}
        error={fieldErrors?.firstName?.message}
      />
      <TextField
        type="date"
        label={copy.birthDate}
        className="field__input--short"
        aria-required
        registration={register(`beneficiaries.${index}.birthDate`)}
        error={fieldErrors?.birthDate?.message}
      />
      <RadioGroup
        legend={copy.nirChoice}
        options={copy.nirChoices}
        registration={register(`beneficiaries.${index}.nirMode`)}
      />
      {nirMode === 'attached' ? (
        <TextField
          label={copy.attachedToNir}
          hint={copy.attachedToNirHint}
          autoComplete="off"
          spellCheck={false}
          className="field__input--nir"
          registration={register(`beneficiaries.${index}.attachedToNir`)}
          error={fieldErrors?.attachedToNir?.message}
        />
      ) : (
        <TextField
          label={copy.beneficiaryNir}
          hint={copy.nirInputHint}
          autoComplete="off"
          spellCheck={false}
          className="field__input--nir"
          registration={register(`beneficiaries.${index}.nir`)}
          error={fieldErrors?.nir?.message}
        />
      )}
      <CheckboxField
        registration={register(`beneficiaries.${index}.noemie`)}
        error={fieldErrors?.noemie?.message}
      >
        {copy.beneficiaryNoemie}
      </CheckboxField>
      <p className="bia-beneficiary__remove">
        <button type="button" className="button--link" onClick={onRemove}>
          {removeLabel}
        </button>
      </p>
    </fieldset>
  );
}
