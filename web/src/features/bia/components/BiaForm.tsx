import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type BaseSyntheticEvent } from 'react';
import { useForm, useWatch, type FieldErrors, type Path, type Resolver } from 'react-hook-form';
import {
  AFFILIATION_STATUS_LABELS,
  biaDraft,
  FAMILY_SITUATIONS,
  type AffiliationStatus,
  type BiaDraft,
} from '../../../../../functions/contracts/affiliation';
import { STATUT_LABELS } from '../../../../../functions/contracts/common';
import { isApiError, messageForStatus } from '../../../shared/api';
import { formatDate, formatTime } from '../../../shared/format';
import { CheckboxField, RadioGroup, TextField } from '../../../shared/forms/fields';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import { z } from '../../../shared/forms/zod';
import { SelectField } from '../../employees/components/SelectField';
import { biaKeys, finalizeBia, saveBiaDraft, type Bia, type Finalized } from '../api/bia-api';
import { biaCopy as copy } from '../copy';
import { formValuesFromBia, targetOfServerField, toDraft, type BiaFormValues } from '../lib/bia-form';
import { flattenErrors, sortByPage, type SummaryItem } from '../lib/error-summary';
import { groupIban, ibanFeedback } from '../lib/iban';
import { beneficiaryNames, BeneficiariesSection } from './BeneficiariesSection';
import { DispenseSection } from './DispenseSection';
import { documentInputId, DocumentsSection } from './DocumentsSection';
import { ErrorSummary, type BiaSummary } from './ErrorSummary';
import { useBiaDocuments, type DocumentRefusal } from './use-bia-documents';

/**
 * The form is checked with the contract's own draft schema (the documents, kept beside the
 * form, are added when sending): an error's path is the name of its field.
 */
const formSchema = z
  .custom<BiaFormValues>()
  .transform((values) => toDraft(values, {}))
  .pipe(biaDraft);
const resolver = zodResolver(formSchema) as unknown as Resolver<BiaFormValues>;

const SITUATION_OPTIONS = Object.entries(FAMILY_SITUATIONS).map(([value, label]) => ({ value, label }));

type Action = 'draft' | 'finalize';

interface BiaFormProps {
  token: string;
  bia: Bia;
  onFinalized: (result: Finalized) => void;
  /** The server no longer knows the link (expired, replaced): the page says so. */
  onLinkInvalid: () => void;
}

/**
 * The employee's bulletin: identity (the NIR shown masked, not editable), address, situation
 * and Noémie, beneficiaries, bank details with a live IBAN check, documents sent straight to
 * the storage with their progress, consent. "Enregistrer le brouillon" keeps it for later;
 * "Finaliser mon affiliation" asks the server, which checks it is complete.
 */
export function BiaForm({ token, bia, onFinalized, onLinkInvalid }: BiaFormProps) {
  const queryClient = useQueryClient();
  const documents = useBiaDocuments(token, bia.documents);
  const [version, setVersion] = useState(bia.version);
  const [status, setStatus] = useState<AffiliationStatus>(bia.status);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [summary, setSummary] = useState<BiaSummary | null>(null);
  const [action, setAction] = useState<Action>('draft');

  const form = useForm<BiaFormValues>({
    resolver,
    defaultValues: formValuesFromBia(bia),
    // The summary at the top takes the focus; each of its lines leads to a field.
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const lastName = useWatch({ control: form.control, name: 'identity.lastName' });
  const beneficiaries = useWatch({ control: form.control, name: 'beneficiaries' });
  const dispenseRequested = useWatch({ control: form.control, name: 'dispense.requested' });

  const labelOf = (path: string): string => {
    const beneficiary = /^beneficiaries\.(\d+)\.(\w+)$/.exec(path);
    if (beneficiary) {
      const name = beneficiaryNames((beneficiaries ?? []).map((item) => item.kind))[Number(beneficiary[1])];
      return `${name ?? 'Bénéficiaire'} — ${FIELD_LABELS[beneficiary[2]!] ?? beneficiary[2]}`;
    }
    const document = /^documents\.(\w+)/.exec(path);
    if (document)
      return copy.documentLabels[document[1] as keyof typeof copy.documentLabels] ?? 'Justificatifs';
    return FIELD_LABELS[path] ?? path;
  };

  const goTo = (path: string) => {
    const document = /^documents\.(\w+)/.exec(path);
    if (document) {
      window.document.getElementById(documentInputId(document[1] as 'rib'))?.focus();
      return;
    }
    if (path === 'beneficiaries') {
      window.document.getElementById('bia-beneficiaires')?.focus();
      return;
    }
    form.setFocus(path as Path<BiaFormValues>);
  };

  /** The draft to send: the form's values and the documents uploaded; null (and said) if something stops it. */
  const draftToSend = async (values: BiaFormValues): Promise<BiaDraft | null> => {
    const list = await documents.settled();
    const broken = documents.pendingOrBroken(list);
    if (broken.length > 0) {
      setSummary({
        message: copy.uploadsNotReady,
        items: broken.map((item) => ({
          path: `documents.${item.kind}`,
          message: `« ${item.fileName} » : ${item.error ?? 'envoi en cours'}`,
        })),
        details: [],
      });
      return null;
    }
    const parsed = biaDraft.safeParse(toDraft(values, documents.idsByKind(list)));
    if (!parsed.success) {
      setSummary({
        message: copy.clientInvalid,
        items: [],
        details: parsed.error.issues.map((issue) => issue.message),
      });
      return null;
    }
    return parsed.data;
  };

  /** The API's refusal: each message next to its field (or file), all of them in the summary. */
  const showServerError = (caught: unknown) => {
    if (isApiError(caught) && caught.code === 'BIA_LINK_INVALID') {
      onLinkInvalid();
      return;
    }
    if (!isApiError(caught)) {
      setSummary({ message: messageForStatus(500), items: [], details: [] });
      return;
    }
    const items: SummaryItem[] = [];
    const details: string[] = [];
    const refusals: DocumentRefusal[] = [];
    for (const [path, message] of Object.entries(caught.fields ?? {})) {
      const target = targetOfServerField(path);
      if (target.kind === 'field') {
        form.setError(target.name as Path<BiaFormValues>, { type: 'server', message });
        items.push({ path: target.name, message });
      } else if (target.kind === 'document') {
        refusals.push({
          kind: target.documentKind,
          message,
          ...(target.index === undefined ? {} : { index: target.index }),
        });
        items.push({ path: `documents.${target.documentKind}`, message });
      } else {
        details.push(message);
      }
    }
    documents.refuse(refusals);
    setSummary({ message: caught.message, items: sortByPage(items), details });
  };

  // The form's own values, not the resolver's parsed output (a draft without the documents).
  const save = async () => {
    const draft = await draftToSend(form.getValues());
    if (!draft) return;
    try {
      const saved = await saveBiaDraft(token, { draft, version });
      setVersion(saved.version);
      setStatus(saved.status);
      setSavedAt(new Date().toISOString());
      setSummary(null);
      documents.clearRefusals();
      queryClient.setQueryData(biaKeys.bia, saved);
    } catch (caught) {
      showServerError(caught);
    }
  };

  const finalize = async () => {
    const draft = await draftToSend(form.getValues());
    if (!draft) return;
    try {
      const result = await finalizeBia(token, { draft, version });
      onFinalized(result);
    } catch (caught) {
      showServerError(caught);
    }
  };

  const onInvalid = (invalid: FieldErrors<BiaFormValues>) =>
    setSummary({ message: copy.clientInvalid, items: flattenErrors(invalid), details: [] });

  const [run, pending] = useSingleFlight(async (event?: BaseSyntheticEvent) => {
    // Which button sent the form: Enter in a field saves the draft (the first submit button).
    const submitter = (event?.nativeEvent as SubmitEvent | undefined)?.submitter;
    const chosen: Action =
      submitter instanceof HTMLButtonElement && submitter.value === 'finalize' ? 'finalize' : 'draft';
    setAction(chosen);
    setSummary(null);
    await form.handleSubmit(chosen === 'finalize' ? finalize : save, onInvalid)(event);
  });

  const iban = useWatch({ control: form.control, name: 'bank.iban' });
  const feedback = ibanFeedback(iban ?? '');
  const finalizeLabels = dispenseRequested
    ? { idle: copy.sendDispense, busy: copy.sendingDispense }
    : { idle: copy.finalize, busy: copy.finalizing };
  const pendingLabel = action === 'finalize' ? finalizeLabels.busy : copy.savingDraft;

  return (
    <>
      <section className="form-card bia-section bia-overview" aria-labelledby="bia-demande">
        <h2 id="bia-demande" className="visually-hidden">
          Votre demande d’affiliation
        </h2>
        <p>{copy.intro(bia.companyName, bia.establishmentName)}</p>
        <dl className="details bia-overview__details">
          <div className="details__row">
            <dt>{copy.statut}</dt>
            <dd>{STATUT_LABELS[bia.statut]}</dd>
          </div>
          <div className="details__row">
            <dt>{copy.contractStart}</dt>
            <dd>{formatDate(bia.contractStartDate)}</dd>
          </div>
          <div className="details__row">
            <dt>{copy.status}</dt>
            <dd>
              <span className={`bia-status bia-status--${status}`}>{AFFILIATION_STATUS_LABELS[status]}</span>
            </dd>
          </div>
          <div className="details__row">
            <dt>{copy.linkValidUntil}</dt>
            <dd>{formatDate(bia.expiresAt)}</dd>
          </div>
        </dl>
        <p className="bia-overview__note">{copy.draftNote}</p>
      </section>

      <ErrorSummary summary={summary} onGoTo={goTo} labelOf={labelOf} />

      <form
        className="bia-form"
        noValidate
        onSubmit={(event) => void run(event)}
        aria-label="Bulletin d’affiliation"
      >
        <section className="form-card bia-section" aria-labelledby="bia-identite">
          <h2 id="bia-identite" className="bia-section__title">
            {copy.identityTitle}
          </h2>
          <p className="form__intro">{copy.identityIntro}</p>
          <RadioGroup
            legend={copy.civilite}
            options={copy.civilites}
            registration={form.register('identity.civilite')}
            error={errors.identity?.civilite?.message}
          />
          <TextField
            label={copy.lastName}
            autoComplete="family-name"
            registration={form.register('identity.lastName')}
            error={errors.identity?.lastName?.message}
          />
          <TextField
            label={copy.birthName}
            hint={copy.birthNameHint}
            autoComplete="off"
            registration={form.register('identity.birthName')}
            error={errors.identity?.birthName?.message}
          />
          <TextField
            label={copy.firstName}
            autoComplete="given-name"
            registration={form.register('identity.firstName')}
            error={errors.identity?.firstName?.message}
          />
          <TextField
            type="date"
            label={copy.birthDate}
            autoComplete="bday"
            className="field__input--short"
            registration={form.register('identity.birthDate')}
            error={errors.identity?.birthDate?.message}
          />
          <div className="field bia-readonly">
            <p className="field__label" id="bia-nir-label">
              {copy.nir}
            </p>
            <p
              className="bia-readonly__value"
              aria-labelledby="bia-nir-label"
              aria-describedby="bia-nir-aide"
            >
              {bia.maskedNir}
            </p>
            <p id="bia-nir-aide" className="field__hint">
              {copy.nirHint}
            </p>
          </div>
        </section>

        <section className="form-card bia-section" aria-labelledby="bia-adresse">
          <h2 id="bia-adresse" className="bia-section__title">
            {copy.addressTitle}
          </h2>
          <TextField
            label={copy.line1}
            autoComplete="address-line1"
            registration={form.register('address.line1')}
            error={errors.address?.line1?.message}
          />
          <TextField
            label={copy.line2}
            autoComplete="address-line2"
            registration={form.register('address.line2')}
            error={errors.address?.line2?.message}
          />
          <div className="field-row">
            <TextField
              label={copy.postalCode}
              inputMode="numeric"
              autoComplete="postal-code"
              maxLength={5}
              className="field__input--postal"
              registration={form.register('address.postalCode')}
              error={errors.address?.postalCode?.message}
            />
            <TextField
              label={copy.city}
              autoComplete="address-level2"
              registration={form.register('address.city')}
              error={errors.address?.city?.message}
            />
          </div>
          <TextField
            type="email"
            inputMode="email"
            label={copy.email}
            hint={copy.emailHint}
            autoComplete="email"
            spellCheck={false}
            registration={form.register('email')}
            error={errors.email?.message}
          />
        </section>

        <DispenseSection
          control={form.control}
          register={form.register}
          errors={errors}
          documents={documents}
        />

        {/* A dispense request leaves the affiliation's own sections out (their values are kept). */}
        <section className="form-card bia-section" aria-labelledby="bia-situation" hidden={dispenseRequested}>
          <h2 id="bia-situation" className="bia-section__title">
            {copy.situationTitle}
          </h2>
          <SelectField
            label={copy.situation}
            placeholder={copy.situationPlaceholder}
            options={SITUATION_OPTIONS}
            registration={form.register('situation')}
            error={errors.situation?.message}
          />
          <p id="bia-noemie-aide" className="field__hint bia-noemie-hint">
            {copy.noemieHint}
          </p>
          <RadioGroup
            legend={copy.noemie}
            options={copy.yesNo}
            registration={form.register('noemie')}
            error={errors.noemie?.message}
          />
        </section>

        {dispenseRequested ? null : (
          <BeneficiariesSection
            control={form.control}
            register={form.register}
            errors={errors}
            familyName={lastName ?? ''}
          />
        )}

        <section className="form-card bia-section" aria-labelledby="bia-banque" hidden={dispenseRequested}>
          <h2 id="bia-banque" className="bia-section__title">
            {copy.bankTitle}
          </h2>
          <p className="form__intro">{copy.bankIntro}</p>
          <TextField
            label={copy.holder}
            autoComplete="name"
            registration={form.register('bank.holder')}
            error={errors.bank?.holder?.message}
          />
          <TextField
            label={copy.iban}
            hint={copy.ibanHint}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            className="bia-input--iban"
            registration={form.register('bank.iban', {
              // Shown grouped by four, as printed on a RIB; the contract ignores the spaces.
              onBlur: (event: { target: HTMLInputElement }) => {
                const grouped = groupIban(event.target.value);
                if (grouped !== event.target.value) form.setValue('bank.iban', grouped);
              },
            })}
            error={errors.bank?.iban?.message}
          />
          <p
            className={`bia-iban bia-iban--${errors.bank?.iban ? 'empty' : feedback.state}`}
            data-iban-state={feedback.state}
          >
            {feedback.state === 'incomplete' && !errors.bank?.iban ? (
              <span aria-hidden="true">{feedback.message}</span>
            ) : null}
            {/* Always in the page, so that "IBAN valide" is announced when it appears. */}
            <span role="status">
              {!errors.bank?.iban && (feedback.state === 'valid' || feedback.state === 'invalid')
                ? feedback.message
                : ''}
            </span>
          </p>
          <TextField
            label={copy.bic}
            hint={copy.bicHint}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            className="field__input--short"
            registration={form.register('bank.bic')}
            error={errors.bank?.bic?.message}
          />
        </section>

        {dispenseRequested ? null : <DocumentsSection documents={documents} />}

        <section
          className="form-card bia-section"
          aria-labelledby="bia-engagements"
          hidden={dispenseRequested}
        >
          <h2 id="bia-engagements" className="bia-section__title">
            {copy.consentTitle}
          </h2>
          <CheckboxField registration={form.register('consent')} error={errors.consent?.message}>
            {copy.consent}
          </CheckboxField>
          <CheckboxField
            registration={form.register('swornStatement')}
            error={errors.swornStatement?.message}
          >
            {copy.swornStatement}
          </CheckboxField>
        </section>

        <div className="form__actions form__actions--split bia-actions">
          <button
            type="submit"
            name="action"
            value="draft"
            className="button button--secondary"
            aria-disabled={pending || undefined}
          >
            {pending && action === 'draft' ? copy.savingDraft : copy.saveDraft}
          </button>
          <button
            type="submit"
            name="action"
            value="finalize"
            className="button"
            aria-disabled={pending || undefined}
          >
            {pending && action === 'finalize' ? finalizeLabels.busy : finalizeLabels.idle}
          </button>
        </div>
        <p className="bia-saved" role="status">
          {pending ? pendingLabel : savedAt ? copy.savedAt(formatTime(savedAt)) : ''}
        </p>
      </form>
    </>
  );
}

/** What each field is called in the error summary. */
const FIELD_LABELS: Record<string, string> = {
  'identity.civilite': copy.civilite,
  'identity.lastName': copy.lastName,
  'identity.birthName': 'Nom de naissance',
  'identity.firstName': copy.firstName,
  'identity.birthDate': copy.birthDate,
  'address.line1': copy.line1,
  'address.line2': 'Complément d’adresse',
  'address.postalCode': copy.postalCode,
  'address.city': copy.city,
  email: 'Adresse e-mail',
  situation: copy.situation,
  noemie: copy.noemie,
  beneficiaries: copy.beneficiariesTitle,
  'bank.holder': copy.holder,
  'bank.iban': copy.iban,
  'bank.bic': copy.bic,
  consent: 'Consentement',
  swornStatement: 'Déclaration sur l’honneur',
  'dispense.requested': copy.dispenseRequested,
  'dispense.reason': copy.dispenseReason,
  'dispense.endDate': 'Date de fin de la dispense',
  'dispense.swornStatement': 'Déclaration sur l’honneur (dispense)',
  lastName: copy.lastName,
  firstName: copy.firstName,
  birthDate: copy.birthDate,
  nir: copy.beneficiaryNir,
  attachedToNir: copy.attachedToNir,
};
