import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useForm, type Path, type Resolver } from 'react-hook-form';
import { Link } from 'react-router';
import type { AffiliationRequestSummary } from '../../../../../functions/contracts/affiliation';
import { STATUT_LABELS } from '../../../../../functions/contracts/common';
import { isApiError } from '../../../shared/api';
import { formatDate, formatNir, formatSiret } from '../../../shared/format';
import { FormAlert, FormSuccess, SubmitButton } from '../../../shared/forms/FormAlert';
import { RadioGroup, TextField } from '../../../shared/forms/fields';
import { applyServerError, type FormError } from '../../../shared/forms/server-errors';
import { StepIndicator } from '../../../shared/forms/StepIndicator';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import { sections } from '../../../shared/sections';
import { useCompanyEstablishments } from '../../employees/api/get-profile';
import { DownloadButton } from '../../employees/components/DownloadButton';
import { LoadingMessage, QueryError } from '../../employees/components/feedback';
import { getAffiliationForm } from '../api/get-affiliation-form';
import { affiliationKeys } from '../api/keys';
import { preAffiliateEmployee } from '../api/pre-affiliate-employee';
import { affiliationCopy as copy } from '../copy';
import { attemptFor, type SubmissionAttempt } from '../lib/idempotency';
import {
  ALL_FIELDS,
  CODE_FIELDS,
  EMPTY_PRE_AFFILIATION,
  STEP_FIELDS,
  STEP_NAMES,
  stepOfField,
  stepSchemas,
  toPreAffiliationRequest,
  type PreAffiliationValues,
  type Step,
} from '../lib/pre-affiliation-form';

type Field = Path<PreAffiliationValues>;

/** The form holds every step's values; the resolver of the step on screen checks its own. */
const stepResolvers = {
  1: zodResolver(stepSchemas[1]),
  2: zodResolver(stepSchemas[2]),
  3: zodResolver(stepSchemas[3]),
  4: zodResolver(stepSchemas[4]),
} as unknown as Record<Step, Resolver<PreAffiliationValues>>;

const HEADING_ID = 'pre-affiliation-etape';

const newKey = () => crypto.randomUUID();

interface Sent {
  request: AffiliationRequestSummary;
  email: string | undefined;
}

/**
 * "Pré-affilier un salarié": établissement → statut → the employee → summary, each step
 * validated before the next ("Valider"), "Annuler" at each one. The request is sent once,
 * with an Idempotency-Key kept across retries; the result says how the form reaches the
 * employee: an e-mail, or a courrier whose PDF is offered at once.
 */
export function PreAffiliationWizard({ companyId }: { companyId: string }) {
  const queryClient = useQueryClient();
  const establishments = useCompanyEstablishments(companyId);
  const [step, setStep] = useState<Step>(1);
  const [error, setError] = useState<FormError | null>(null);
  const [notice, setNotice] = useState('');
  const [sent, setSent] = useState<Sent | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ field?: Field } | null>(null);
  // Kept across retries of the same body (state: the handler of a retry sees the previous attempt).
  const [attempt, setAttempt] = useState<SubmissionAttempt | null>(null);

  const form = useForm<PreAffiliationValues>({
    resolver: stepResolvers[step],
    defaultValues: EMPTY_PRE_AFFILIATION,
  });
  const { errors } = form.formState;

  // A company with a single establishment: it is the answer to step 1 already.
  const onlyEstablishment = establishments.data?.length === 1 ? establishments.data[0] : undefined;
  useEffect(() => {
    if (onlyEstablishment && !form.getValues('siret')) form.setValue('siret', onlyEstablishment.siret);
  }, [onlyEstablishment, form]);

  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.field) form.setFocus(focusRequest.field);
    else document.getElementById(HEADING_ID)?.focus();
  }, [focusRequest, form]);

  /** Shows another step; its heading takes the focus, or the field to correct, or neither (`false`: the summary will). */
  const goTo = (next: Step, focus: { field?: Field } | false = {}) => {
    setError(null);
    setNotice('');
    // A fresh "not yet submitted" state: the new step's fields are checked when it is validated.
    form.reset(undefined, { keepValues: true, keepDefaultValues: true });
    setStep(next);
    setFocusRequest(focus ? { ...focus } : null);
  };

  const cancel = () => {
    form.reset(EMPTY_PRE_AFFILIATION);
    if (onlyEstablishment) form.setValue('siret', onlyEstablishment.siret);
    setAttempt(null);
    setError(null);
    setStep(1);
    setNotice(copy.cancelled);
    setFocusRequest({});
  };

  const [validateStep] = useSingleFlight(
    form.handleSubmit(async () => {
      if (step < 4) goTo((step + 1) as Step);
    }),
  );

  const [submit, submitting] = useSingleFlight(
    form.handleSubmit(async () => {
      setError(null);
      // The form's own values (the resolver hands over its parsed output, already transformed).
      const body = toPreAffiliationRequest(form.getValues());
      // The same body keeps the same key: a retry after a lost answer is recognised, not doubled.
      const current = attemptFor(attempt, body, newKey);
      setAttempt(current);
      try {
        const request = await preAffiliateEmployee(companyId, body, current.key);
        setAttempt(null);
        void queryClient.invalidateQueries({ queryKey: affiliationKeys.all(companyId) });
        setSent({ request, email: body.employee.email });
      } catch (caught) {
        routeError(caught);
      }
    }),
  );

  /** The server's refusal goes next to the field it concerns, on its step; the rest on the summary. */
  const routeError = (caught: unknown) => {
    if (isApiError(caught) && caught.code === 'IDEMPOTENCY_KEY_REUSED') setAttempt(null);
    const applied = applyServerError(caught, form.setError, ALL_FIELDS, CODE_FIELDS, false);
    if (!applied.firstField) {
      setError(applied);
      return;
    }
    goTo(stepOfField(applied.firstField), { field: applied.firstField });
    // reset() in goTo cleared the errors: put them back on the step now shown.
    applyServerError(caught, form.setError, ALL_FIELDS, CODE_FIELDS, false);
    setError({ ...applied, focusSummary: false });
  };

  const startOver = () => {
    setSent(null);
    cancel();
    setNotice('');
  };

  if (sent) {
    return <SentResult companyId={companyId} sent={sent} onAnother={startOver} />;
  }

  const values = form.getValues();
  const establishment = establishments.data?.find((candidate) => candidate.siret === values.siret);
  const actions = (primary: ReactNode) => (
    <div className="form__actions form__actions--split">
      <span className="aff-actions__secondary">
        <button type="button" className="button button--secondary" onClick={cancel}>
          {copy.cancel}
        </button>
        {step > 1 ? (
          <button type="button" className="button--link" onClick={() => goTo((step - 1) as Step)}>
            {copy.back}
          </button>
        ) : null}
      </span>
      {primary}
    </div>
  );

  /** Steps 1 to 3: their fields, then Annuler / Retour and "Valider". */
  const stepForm = (fields: ReactNode) => (
    <form className="form aff-form" noValidate onSubmit={validateStep} aria-labelledby={HEADING_ID}>
      {fields}
      {actions(
        <SubmitButton pending={false} pendingLabel="">
          {copy.validate}
        </SubmitButton>,
      )}
    </form>
  );

  return (
    <div className="aff-wizard">
      <StepIndicator steps={STEP_NAMES} current={step} label={copy.wizardLabel} />
      <div className="form-card aff-card">
        <h2 id={HEADING_ID} tabIndex={-1} className="form-card__title step-title">
          <span className="step-title__count">Étape {step} sur 4</span> {STEP_NAMES[step - 1]}
        </h2>
        <p className="visually-hidden" role="status">
          {notice}
        </p>
        {notice ? <p className="aff-notice">{notice}</p> : null}
        <FormAlert error={error} />

        {step === 1
          ? stepForm(
              <>
                <p className="form__intro">{copy.establishmentIntro}</p>
                {establishments.isPending ? (
                  <LoadingMessage>{copy.loadingEstablishments}</LoadingMessage>
                ) : null}
                {establishments.isError ? (
                  <QueryError
                    title={copy.establishmentsError}
                    error={establishments.error}
                    onRetry={() => void establishments.refetch()}
                  />
                ) : null}
                {establishments.data?.length === 0 ? <p className="notice">{copy.noEstablishment}</p> : null}
                {establishments.data?.length ? (
                  <div className="aff-choices">
                    <RadioGroup
                      legend={copy.establishmentLegend}
                      options={establishments.data.map((candidate) => ({
                        value: candidate.siret,
                        label: `${candidate.name} — ${candidate.city} (SIRET ${formatSiret(candidate.siret)})`,
                      }))}
                      required
                      registration={form.register('siret')}
                      error={errors.siret?.message}
                    />
                  </div>
                ) : null}
              </>,
            )
          : null}

        {step === 2
          ? stepForm(
              <>
                <p className="form__intro">{copy.statutIntro}</p>
                <RadioGroup
                  legend={copy.statutLegend}
                  options={Object.entries(STATUT_LABELS).map(([value, label]) => ({ value, label }))}
                  required
                  registration={form.register('statut')}
                  error={errors.statut?.message}
                />
              </>,
            )
          : null}

        {step === 3
          ? stepForm(
              <>
                <p className="form__intro">
                  {copy.employeeIntro} {copy.requiredNote}
                </p>
                <RadioGroup
                  legend={copy.civilite}
                  options={copy.civilites}
                  required
                  registration={form.register('employee.civilite')}
                  error={errors.employee?.civilite?.message}
                />
                <TextField
                  label={copy.lastName}
                  autoComplete="off"
                  aria-required
                  registration={form.register('employee.lastName')}
                  error={errors.employee?.lastName?.message}
                />
                <TextField
                  label={copy.birthName}
                  hint={copy.birthNameHint}
                  autoComplete="off"
                  registration={form.register('employee.birthName')}
                  error={errors.employee?.birthName?.message}
                />
                <TextField
                  label={copy.firstName}
                  autoComplete="off"
                  aria-required
                  registration={form.register('employee.firstName')}
                  error={errors.employee?.firstName?.message}
                />
                <TextField
                  type="date"
                  label={copy.birthDate}
                  className="field__input--short"
                  aria-required
                  registration={form.register('employee.birthDate')}
                  error={errors.employee?.birthDate?.message}
                />
                <TextField
                  label={copy.nir}
                  hint={copy.nirHint}
                  autoComplete="off"
                  spellCheck={false}
                  autoCapitalize="characters"
                  className="field__input--nir"
                  aria-required
                  registration={form.register('employee.nir')}
                  error={errors.employee?.nir?.message}
                />
                <TextField
                  type="email"
                  inputMode="email"
                  label={copy.email}
                  hint={copy.emailHint}
                  autoComplete="off"
                  spellCheck={false}
                  registration={form.register('employee.email')}
                  error={errors.employee?.email?.message}
                />
                <fieldset className="aff-fieldset">
                  <legend className="aff-fieldset__legend">{copy.addressLegend}</legend>
                  <TextField
                    label={copy.line1}
                    autoComplete="off"
                    aria-required
                    registration={form.register('employee.address.line1')}
                    error={errors.employee?.address?.line1?.message}
                  />
                  <TextField
                    label={copy.line2}
                    autoComplete="off"
                    registration={form.register('employee.address.line2')}
                    error={errors.employee?.address?.line2?.message}
                  />
                  <div className="field-row">
                    <TextField
                      label={copy.postalCode}
                      inputMode="numeric"
                      autoComplete="off"
                      maxLength={5}
                      className="field__input--postal"
                      aria-required
                      registration={form.register('employee.address.postalCode')}
                      error={errors.employee?.address?.postalCode?.message}
                    />
                    <TextField
                      label={copy.city}
                      autoComplete="off"
                      aria-required
                      registration={form.register('employee.address.city')}
                      error={errors.employee?.address?.city?.message}
                    />
                  </div>
                </fieldset>
                <TextField
                  type="date"
                  label={copy.hireDate}
                  className="field__input--short"
                  aria-required
                  registration={form.register('employee.hireDate')}
                  error={errors.employee?.hireDate?.message}
                />
                <TextField
                  type="date"
                  label={copy.contractStartDate}
                  hint={copy.contractStartHint}
                  className="field__input--short"
                  aria-required
                  registration={form.register('employee.contractStartDate')}
                  error={errors.employee?.contractStartDate?.message}
                />
              </>,
            )
          : null}

        {step === 4 ? (
          <form className="form aff-form" noValidate onSubmit={submit} aria-labelledby={HEADING_ID}>
            <p className="form__intro">{copy.summaryIntro}</p>
            <Summary
              values={values}
              establishmentLabel={
                establishment
                  ? `${establishment.name} — ${establishment.city} (SIRET ${formatSiret(establishment.siret)})`
                  : formatSiret(values.siret)
              }
              onEdit={(target, field) => goTo(target, { field })}
            />
            {actions(
              <SubmitButton pending={submitting} pendingLabel={copy.submitting}>
                {copy.submit}
              </SubmitButton>,
            )}
          </form>
        ) : null}
      </div>
    </div>
  );
}

interface SummaryProps {
  values: PreAffiliationValues;
  establishmentLabel: string;
  onEdit: (step: 1 | 2 | 3, field: Field) => void;
}

/** What will be sent, by step, each with its "Modifier". */
function Summary({ values, establishmentLabel, onEdit }: SummaryProps) {
  const { employee } = values;
  const email = employee.email.trim();
  const civilite = copy.civilites.find((option) => option.value === employee.civilite)?.label ?? '';
  const rows: { label: string; value: string; step: 1 | 2 | 3; field: Field }[] = [
    { label: copy.establishmentLegend, value: establishmentLabel, step: 1, field: STEP_FIELDS[1][0]! },
    {
      label: copy.statutLegend,
      value: values.statut ? STATUT_LABELS[values.statut] : '',
      step: 2,
      field: 'statut',
    },
    {
      label: 'Salarié',
      value: `${civilite} ${employee.firstName.trim()} ${employee.lastName.trim()}${
        employee.birthName.trim() ? ` (nom de naissance : ${employee.birthName.trim()})` : ''
      }`,
      step: 3,
      field: 'employee.civilite',
    },
    { label: copy.birthDate, value: formatDate(employee.birthDate), step: 3, field: 'employee.birthDate' },
    {
      label: copy.nir,
      value: formatNir(employee.nir.replace(/[\s.-]/g, '')),
      step: 3,
      field: 'employee.nir',
    },
    {
      label: 'Adresse',
      value: [
        employee.address.line1,
        employee.address.line2,
        `${employee.address.postalCode} ${employee.address.city}`,
      ]
        .map((part) => part.trim())
        .filter(Boolean)
        .join(', '),
      step: 3,
      field: 'employee.address.line1',
    },
    { label: copy.hireDate, value: formatDate(employee.hireDate), step: 3, field: 'employee.hireDate' },
    {
      label: copy.contractStartDate,
      value: formatDate(employee.contractStartDate),
      step: 3,
      field: 'employee.contractStartDate',
    },
    {
      label: 'Envoi du formulaire',
      value: email ? copy.sendingByEmail(email) : copy.sendingByMail,
      step: 3,
      field: 'employee.email',
    },
  ];
  return (
    <dl className="details aff-summary">
      {rows.map((row) => (
        <div key={row.label} className="details__row aff-summary__row">
          <dt>{row.label}</dt>
          <dd>
            <span className="aff-summary__value">{row.value}</span>
            <button type="button" className="button--link" onClick={() => onEdit(row.step, row.field)}>
              {copy.edit}
              <span className="visually-hidden"> : {row.label}</span>
            </button>
          </dd>
        </div>
      ))}
    </dl>
  );
}

interface SentResultProps {
  companyId: string;
  sent: Sent;
  onAnother: () => void;
}

/** After sending: how the form reaches the employee, and what to do next. */
function SentResult({ companyId, sent, onAnother }: SentResultProps) {
  const { request, email } = sent;
  const name = `${request.firstName} ${request.lastName}`;
  const ids = { companyId, requestId: request.requestId };
  return (
    <div className="form-card aff-card">
      {request.mode === 'email' ? (
        <FormSuccess title={copy.sentByEmailTitle}>
          <p>
            {name} a reçu un e-mail{email ? ` à ${email}` : ''} avec son lien personnel pour compléter son
            bulletin d’affiliation en ligne.
          </p>
          <p>Sans réponse de sa part, des relances lui sont envoyées automatiquement.</p>
        </FormSuccess>
      ) : (
        <FormSuccess title={copy.sentByMailTitle}>
          <p>
            Aucun e-mail n’a été renseigné : un courrier avec le bulletin d’affiliation de {name} est préparé
            pour l’envoi postal. Vous pouvez aussi le télécharger pour le lui remettre en main propre.
          </p>
          <p>
            <DownloadButton
              variant="primary"
              request={() => getAffiliationForm(ids)}
              label={`${copy.downloadForm} de ${name}`}
              showFallback
            >
              {copy.downloadForm}
            </DownloadButton>
          </p>
        </FormSuccess>
      )}
      <p>
        Statut de la demande : <strong>Envoyé à l’employé</strong>. Suivez son avancement dans{' '}
        <Link to={sections.affiliationTracking.path}>{sections.affiliationTracking.title}</Link>.
      </p>
      <p className="button-row">
        <button type="button" className="button button--secondary" onClick={onAnother}>
          {copy.another}
        </button>
      </p>
    </div>
  );
}
