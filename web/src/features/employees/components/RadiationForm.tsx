import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { STATUT_LABELS } from '../../../../../functions/contracts/common';
import { RADIATION_REASON_LABELS, type EmployeeSummary } from '../../../../../functions/contracts/employees';
import { isApiError } from '../../../shared/api';
import { formatDate, formatSiret } from '../../../shared/format';
import { FormAlert, FormSuccess } from '../../../shared/forms/FormAlert';
import { TextField } from '../../../shared/forms/fields';
import { applyServerError, formError, type FormError } from '../../../shared/forms/server-errors';
import { getRadiationCertificate } from '../api/radiation-certificate';
import { useRadiateEmployee } from '../api/radiate-employee';
import { employeesCopy } from '../copy';
import { dependantsPhrase, fullName } from '../lib/beneficiaries';
import { todayIso } from '../lib/dates';
import { portabiliteParts } from '../lib/portabilite';
import {
  isRadiationReason,
  radiationFormSchema,
  REASON_OPTIONS,
  type RadiationReason,
} from '../lib/radiation-form';
import { radiationWindow, radiationWindowHint } from '../lib/radiation-window';
import { DownloadButton } from './DownloadButton';
import { SelectField } from './SelectField';
import '../employees.css';

type Reason = RadiationReason;
const isReason = isRadiationReason;

/** "Fin de CDD" → "fin de CDD", inside a sentence. */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

interface Values {
  endDate: string;
  reason: string;
}

type Step =
  | { name: 'form' }
  | { name: 'confirm'; endDate: string; reason: Reason }
  | { name: 'done'; result: EmployeeSummary };

export type RadiationStep = Step['name'];

interface RadiationFormProps {
  companyId: string;
  employee: EmployeeSummary;
  /** id of the element naming the whole form (the dialog's or the page section's title). */
  titleId: string;
  /** Leaves the form without radiating ("Annuler", "Changer de salarié"). */
  onCancel: () => void;
  cancelLabel?: string;
  /** After the radiation: "Fermer", "Radier un autre salarié". */
  onFinished: (result: EmployeeSummary) => void;
  finishLabel: string;
  /** The dialog refuses Escape while the request runs. */
  onPendingChange?: (pending: boolean) => void;
  /** A conflict (radiated or changed elsewhere): the lists are reloaded, the user starts again. */
  onConflict?: () => void;
}

const FIELDS = ['endDate', 'reason'] as const;

/**
 * Radiation outside DSN, in three steps on one component (dialog in Mes contrats and Mes
 * salariés, page in Radiation): end date and reason → "Confirmer la radiation de … au …" →
 * the result with the portabilité the server computed and the attestation to download.
 */
export function RadiationForm({
  companyId,
  employee,
  titleId,
  onCancel,
  cancelLabel = 'Annuler',
  onFinished,
  finishLabel,
  onPendingChange,
  onConflict,
}: RadiationFormProps) {
  const [today] = useState(todayIso);
  const [step, setStep] = useState<Step>({ name: 'form' });
  const [alert, setAlert] = useState<(FormError & { conflict?: boolean }) | null>(null);
  const radiation = useRadiateEmployee(companyId);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const focusOnForm = useRef<'endDate' | null>(null);
  const schema = useMemo(
    () => radiationFormSchema(employee.effectiveDate, today),
    [employee.effectiveDate, today],
  );
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { endDate: '', reason: '' },
  });
  const { errors } = form.formState;
  const dateWindow = radiationWindow(employee.effectiveDate, today);
  const name = fullName(employee);
  const dependants = dependantsPhrase(employee.beneficiaries);
  const radiated = employee.civilite === 'MME' ? 'radiée' : 'radié';
  const portabilite = step.name === 'done' ? portabiliteParts(step.result.portabilite) : null;

  useEffect(() => {
    onPendingChange?.(radiation.isPending);
  }, [radiation.isPending, onPendingChange]);

  // Each step takes the focus where the user continues: the confirmation question, or the
  // field to correct when the server refused the date.
  useEffect(() => {
    if (step.name === 'confirm') confirmHeading.current?.focus();
    if (step.name === 'form' && focusOnForm.current) {
      form.setFocus(focusOnForm.current);
      focusOnForm.current = null;
    }
  }, [step, form]);

  const toConfirmation = form.handleSubmit((values) => {
    if (!isReason(values.reason)) return;
    setAlert(null);
    setStep({ name: 'confirm', endDate: values.endDate, reason: values.reason });
  });

  const confirm = async () => {
    if (step.name !== 'confirm' || radiation.isPending) return;
    setAlert(null);
    try {
      const result = await radiation.mutateAsync({
        employeeId: employee.employeeId,
        body: { endDate: step.endDate, reason: step.reason, version: employee.version },
      });
      setStep({ name: 'done', result });
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        setAlert({ ...formError(error.message), conflict: true });
        return;
      }
      const applied = applyServerError(error, form.setError, FIELDS, {}, false);
      if (applied.firstField) {
        // The date was refused: back to the form, the message on the field, the focus on it.
        focusOnForm.current = 'endDate';
        setAlert({ ...applied, focusSummary: false });
        setStep({ name: 'form' });
      } else {
        setAlert(applied);
      }
    }
  };

  return (
    <div className="emp-radiation">
      <dl className="emp-radiation__who">
        <div>
          <dt>Salarié</dt>
          <dd>
            {name} <span className="emp-cell-detail nowrap">{employee.maskedNir}</span>
          </dd>
        </div>
        <div>
          <dt>Établissement</dt>
          <dd>
            {employee.establishmentName}{' '}
            <span className="emp-cell-detail nowrap">SIRET {formatSiret(employee.siret)}</span>
          </dd>
        </div>
        <div>
          <dt>Contrat</dt>
          <dd>
            {employee.contractNumber} — {employee.product} ({STATUT_LABELS[employee.statut]})
          </dd>
        </div>
        <div>
          <dt>Date d'effet</dt>
          <dd>{formatDate(employee.effectiveDate)}</dd>
        </div>
      </dl>

      {step.name === 'form' ? (
        <form
          className="emp-radiation__form"
          noValidate
          onSubmit={(event) => void toConfirmation(event)}
          aria-labelledby={titleId}
        >
          <FormAlert error={alert} />
          <TextField
            type="date"
            label="Date de fin de la couverture"
            hint={radiationWindowHint(employee.effectiveDate, today)}
            min={dateWindow.earliest}
            max={dateWindow.latest}
            aria-required
            className="field__input--short"
            registration={form.register('endDate')}
            error={errors.endDate?.message}
          />
          <SelectField
            label="Motif de la radiation"
            placeholder="Choisissez un motif"
            options={REASON_OPTIONS}
            aria-required
            registration={form.register('reason')}
            error={errors.reason?.message}
          />
          <div className="emp-consequences">
            <p className="emp-consequences__title">À la date de fin :</p>
            <ul>
              <li>la couverture santé de {name} prend fin ;</li>
              <li>
                {dependants
                  ? `ses ayants droit (${dependants}) sont radiés à la même date ;`
                  : 'les ayants droit éventuels sont radiés à la même date ;'}
              </li>
              <li>
                la portabilité (maintien gratuit des garanties) dépend du motif et de la durée du contrat :
                elle vous sera indiquée après la confirmation ;
              </li>
              <li>l'attestation de radiation pourra être téléchargée.</li>
            </ul>
          </div>
          <div className="form__actions form__actions--split">
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {cancelLabel}
            </button>
            <button type="submit" className="button">
              Continuer
            </button>
          </div>
        </form>
      ) : null}

      {step.name === 'confirm' ? (
        <div className="emp-radiation__confirm">
          <h3 ref={confirmHeading} tabIndex={-1} className="emp-radiation__question">
            Confirmer la radiation de {name} au {formatDate(step.endDate)} ?
          </h3>
          <ul className="emp-radiation__recap">
            <li>
              Motif : <strong>{RADIATION_REASON_LABELS[step.reason]}</strong>
            </li>
            <li>
              {dependants
                ? `Ses ayants droit (${dependants}) sont radiés à la même date.`
                : employeesCopy.dependantsRule}
            </li>
          </ul>
          <FormAlert error={alert}>
            {alert?.conflict ? (
              <button type="button" className="button button--secondary" onClick={onConflict ?? onCancel}>
                Fermer et recharger la liste
              </button>
            ) : null}
          </FormAlert>
          <div className="form__actions form__actions--split">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setAlert(null);
                focusOnForm.current = 'endDate';
                setStep({ name: 'form' });
              }}
            >
              Modifier
            </button>
            {alert?.conflict ? null : (
              <button
                type="button"
                className="button button--danger"
                aria-disabled={radiation.isPending || undefined}
                onClick={() => void confirm()}
              >
                {radiation.isPending ? 'Radiation en cours…' : 'Confirmer la radiation'}
              </button>
            )}
          </div>
          <span className="visually-hidden" role="status">
            {radiation.isPending ? 'Radiation en cours…' : ''}
          </span>
        </div>
      ) : null}

      {step.name === 'done' ? (
        <div className="emp-radiation__done">
          <FormSuccess title="Radiation enregistrée">
            <p>
              {name} est {radiated} au {formatDate(step.result.endDate)}
              {step.result.radiationReason && isReason(step.result.radiationReason)
                ? ` (motif : ${lowerFirst(RADIATION_REASON_LABELS[step.result.radiationReason])})`
                : ''}
              . {dependants ? `Ses ayants droit (${dependants}) sont radiés à la même date.` : ''}
            </p>
            {portabilite ? (
              <p>
                <strong className="emp-radiation__portabilite">{portabilite.headline}</strong>{' '}
                {portabilite.explanation}
              </p>
            ) : null}
          </FormSuccess>
          <div className="form__actions form__actions--split">
            <DownloadButton
              request={() => getRadiationCertificate({ companyId, employeeId: employee.employeeId })}
              announce={() => `Attestation de radiation de ${name} : téléchargement lancé.`}
              showFallback
            >
              {employeesCopy.downloadRadiationCertificate}
            </DownloadButton>
            <button type="button" className="button" onClick={() => onFinished(step.result)}>
              {finishLabel}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
