import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, type Path, type Resolver } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import {
  activateSpaceRequest,
  activationIdentifiers,
  CURRENT_CGU_VERSION,
  newPassword,
} from '../../../../../functions/contracts/auth';
import { isApiError } from '../../../shared/api';
import { Page } from '../../../shared/components/Page';
import { FormAlert, FormSuccess, SubmitButton } from '../../../shared/forms/FormAlert';
import { CheckboxField, PasswordField, RadioGroup, TextField } from '../../../shared/forms/fields';
import { applyServerError, formError, type FormError } from '../../../shared/forms/server-errors';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import { z } from '../../../shared/forms/zod';
import { sections } from '../../../shared/sections';
import '../auth.css';
import { activateSpace, checkActivationIdentifiers } from '../api/auth-api';
import { IdentifierHelp } from '../components/IdentifierHelp';
import { StepIndicator } from '../../../shared/forms/StepIndicator';
import { authCopy } from '../copy';

const { siret, companyNumber } = activationIdentifiers.shape;
const { civilite, lastName, firstName, email, mobile } = activateSpaceRequest.shape;

/** Each step validates its own fields only (the form holds all three steps' values). */
const stepSchemas = {
  1: z.object({ siret, companyNumber }),
  2: z.object({ civilite, lastName, firstName, email, mobile }),
  3: z
    .object({
      password: newPassword,
      passwordConfirmation: z.string().min(1, { error: 'Saisissez à nouveau votre mot de passe.' }),
      cguAccepted: z.boolean().refine((accepted) => accepted, {
        error: "Veuillez accepter les conditions générales d'utilisation.",
      }),
    })
    .refine((values) => values.password === values.passwordConfirmation, {
      error: authCopy.passwordMismatch,
      path: ['passwordConfirmation'],
    }),
} as const;

type Step = keyof typeof stepSchemas;

interface ActivationForm {
  siret: string;
  companyNumber: string;
  civilite: '' | 'M' | 'MME';
  lastName: string;
  firstName: string;
  email: string;
  mobile: string;
  password: string;
  passwordConfirmation: string;
  cguAccepted: boolean;
}

/** The form holds every step's values; the resolver of the step on screen checks its own. */
const stepResolvers = {
  1: zodResolver(stepSchemas[1]),
  2: zodResolver(stepSchemas[2]),
  3: zodResolver(stepSchemas[3]),
} as unknown as Record<Step, Resolver<ActivationForm>>;

const STEP_NAMES = ['Votre entreprise', 'Vos informations', 'Votre mot de passe'] as const;
const STEP_HEADING_ID = 'activation-etape';

const STEP_FIELDS: Record<Step, readonly Path<ActivationForm>[]> = {
  1: ['siret', 'companyNumber'],
  2: ['civilite', 'lastName', 'firstName', 'email', 'mobile'],
  3: ['password', 'passwordConfirmation', 'cguAccepted'],
};
const ALL_FIELDS = [...STEP_FIELDS[1], ...STEP_FIELDS[2], ...STEP_FIELDS[3]];

/** Errors the API gives without naming a field, but which concern one. */
const CODE_FIELDS: Partial<Record<string, Path<ActivationForm>>> = {
  EMAIL_ALREADY_REGISTERED: 'email',
  INVALID_MOBILE: 'mobile',
};
/** Errors about the company itself: back to step 1. */
const COMPANY_CODES = new Set(['ACTIVATION_IDENTIFIERS_UNKNOWN', 'COMPANY_ALREADY_ACTIVATED']);

const stepOf = (field: Path<ActivationForm>): Step =>
  STEP_FIELDS[2].includes(field) ? 2 : STEP_FIELDS[3].includes(field) ? 3 : 1;

const CIVILITES = [
  { value: 'MME', label: 'Madame' },
  { value: 'M', label: 'Monsieur' },
] as const;

interface Activated {
  email: string;
  companyName: string;
}

/** "Activer mon espace": SIRET + identifiant entreprise, then the administrator's details, then the password. */
export function ActivationPage() {
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>(1);
  const [companyName, setCompanyName] = useState<string | null>(null);
  const [error, setError] = useState<FormError | null>(null);
  const [activated, setActivated] = useState<Activated | null>(null);
  /** Where the focus goes once a step is on screen: its heading, or the field to correct. */
  const [focusRequest, setFocusRequest] = useState<{ field?: Path<ActivationForm> } | null>(null);

  const form = useForm<ActivationForm>({
    resolver: stepResolvers[step],
    defaultValues: {
      siret: '',
      companyNumber: '',
      civilite: '',
      lastName: '',
      firstName: '',
      email: '',
      mobile: '',
      password: '',
      passwordConfirmation: '',
      cguAccepted: false,
    },
  });
  const { errors } = form.formState;

  /**
   * Shows another step; its heading takes the focus, or the field to correct, or neither when
   * the error summary will (`focus: false`).
   */
  const goTo = (next: Step, focus: { field?: Path<ActivationForm> } | false = {}) => {
    setError(null);
    // A fresh "not yet submitted" state: the new step's fields are checked when it is submitted.
    form.reset(undefined, { keepValues: true, keepDefaultValues: true });
    setStep(next);
    setFocusRequest(focus ? { ...focus } : null);
  };

  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.field) form.setFocus(focusRequest.field);
    else document.getElementById(STEP_HEADING_ID)?.focus();
  }, [focusRequest, form]);

  const [submitIdentifiers, checking] = useSingleFlight(
    form.handleSubmit(async () => {
      setError(null);
      const identifiers = stepSchemas[1].parse(form.getValues());
      try {
        const result = await checkActivationIdentifiers(identifiers);
        setCompanyName(result.companyName);
        goTo(2);
      } catch (caught) {
        setError(applyServerError(caught, form.setError, STEP_FIELDS[1]));
      }
    }),
  );

  const [submitPerson] = useSingleFlight(
    form.handleSubmit(async () => {
      setError(null);
      goTo(3);
    }),
  );

  const [submitActivation, activating] = useSingleFlight(
    form.handleSubmit(async () => {
      setError(null);
      const values = form.getValues();
      const identifiers = stepSchemas[1].parse(values);
      const person = stepSchemas[2].parse(values);
      try {
        const result = await activateSpace({
          ...identifiers,
          ...person,
          password: values.password,
          cguVersion: CURRENT_CGU_VERSION,
          cguAccepted: true,
        });
        setActivated(result);
      } catch (caught) {
        routeActivationError(caught);
      }
    }),
  );

  /** Sends the user back to the step where the problem can be fixed, with the message in place. */
  const routeActivationError = (caught: unknown) => {
    const companyProblem = isApiError(caught) && COMPANY_CODES.has(caught.code);
    if (companyProblem) {
      goTo(1, false);
      setError(formError(caught.message));
      return;
    }
    const applied = applyServerError(caught, form.setError, ALL_FIELDS, CODE_FIELDS, false);
    const target = applied.firstField ? stepOf(applied.firstField) : 3;
    if (target !== step) {
      goTo(target, applied.firstField ? { field: applied.firstField } : {});
      // reset() in goTo cleared the errors: put them back on the step now shown.
      applyServerError(caught, form.setError, ALL_FIELDS, CODE_FIELDS, false);
    } else if (applied.firstField) {
      form.setFocus(applied.firstField);
    }
    setError(applied);
  };

  if (activated) {
    return (
      <Page title={sections.activation.title} lead="Votre espace est presque prêt.">
        <div className="form-card">
          <FormSuccess title="Vérifiez votre boîte e-mail">
            <p>
              Un lien de confirmation a été envoyé à <strong>{activated.email}</strong>. Ouvrez-le pour
              confirmer votre adresse : il est valable 48 heures.
            </p>
            <p>
              Votre espace pour <strong>{activated.companyName}</strong> sera alors actif et vous pourrez vous
              connecter avec cette adresse et le mot de passe que vous venez de choisir.
            </p>
          </FormSuccess>
          <p>Vous ne trouvez pas l'e-mail ? Regardez dans vos courriers indésirables.</p>
          <p>
            <Link to={sections.login.path} className="button button--secondary">
              Aller à la page de connexion
            </Link>
          </p>
        </div>
      </Page>
    );
  }

  const heading = (
    <h2 id={STEP_HEADING_ID} tabIndex={-1} className="form-card__title step-title">
      <span className="step-title__count">Étape {step} sur 3</span> {STEP_NAMES[step - 1]}
    </h2>
  );

  return (
    <Page title={sections.activation.title} lead={sections.activation.summary}>
      <StepIndicator steps={STEP_NAMES} current={step} label="Étapes de l'activation" />
      <div className="form-card">
        {heading}
        <FormAlert error={error} />

        {step === 1 ? (
          <form className="form" noValidate onSubmit={submitIdentifiers} aria-label={STEP_NAMES[0]}>
            <p className="form__intro">
              Saisissez les deux identifiants de votre entreprise. {authCopy.requiredNote}
            </p>
            <TextField
              label="Numéro de SIRET"
              hint="14 chiffres, ceux de l'établissement principal pour un groupe."
              inputMode="numeric"
              autoComplete="off"
              className="field__input--short"
              aria-required
              registration={form.register('siret')}
              error={errors.siret?.message}
            />
            <TextField
              label="Identifiant entreprise"
              hint="Le «&nbsp;Numéro entreprise&nbsp;» ou «&nbsp;Numéro d'adhérent&nbsp;» de vos courriers (6 à 12 lettres ou chiffres)."
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              className="field__input--short"
              aria-required
              registration={form.register('companyNumber')}
              error={errors.companyNumber?.message}
            />
            <IdentifierHelp />
            <div className="form__actions form__actions--split">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void navigate(sections.login.path)}
              >
                Annuler
              </button>
              <SubmitButton pending={checking} pendingLabel="Vérification en cours…">
                Valider
              </SubmitButton>
            </div>
          </form>
        ) : null}

        {step === 2 ? (
          <form className="form" noValidate onSubmit={submitPerson} aria-label={STEP_NAMES[1]}>
            {companyName ? (
              <p className="company-found">
                Entreprise reconnue : <strong>{companyName}</strong>
              </p>
            ) : null}
            <p className="form__intro">Vous serez l'administrateur de cet espace. {authCopy.requiredNote}</p>
            <RadioGroup
              legend="Civilité"
              options={CIVILITES}
              required
              registration={form.register('civilite')}
              error={errors.civilite?.message}
            />
            <TextField
              label="Nom"
              autoComplete="family-name"
              aria-required
              registration={form.register('lastName')}
              error={errors.lastName?.message}
            />
            <TextField
              label="Prénom"
              autoComplete="given-name"
              aria-required
              registration={form.register('firstName')}
              error={errors.firstName?.message}
            />
            <TextField
              label="Adresse e-mail"
              hint="Elle sera votre identifiant de connexion ; un lien de confirmation y sera envoyé."
              type="email"
              inputMode="email"
              autoComplete="email"
              spellCheck={false}
              aria-required
              registration={form.register('email')}
              error={errors.email?.message}
            />
            <TextField
              label="Téléphone mobile"
              hint={`${authCopy.phoneHint} Il recevra vos codes de sécurité.`}
              type="tel"
              inputMode="tel"
              autoComplete="tel-national"
              className="field__input--short"
              aria-required
              registration={form.register('mobile')}
              error={errors.mobile?.message}
            />
            <div className="form__actions form__actions--split">
              <button type="button" className="button button--secondary" onClick={() => goTo(1)}>
                Précédent
              </button>
              <SubmitButton pending={false} pendingLabel="">
                Suivant
              </SubmitButton>
            </div>
          </form>
        ) : null}

        {step === 3 ? (
          <form className="form" noValidate onSubmit={submitActivation} aria-label={STEP_NAMES[2]}>
            <p className="form__intro">{authCopy.requiredNote}</p>
            <PasswordField
              label="Mot de passe"
              hint={authCopy.passwordRule}
              autoComplete="new-password"
              aria-required
              registration={form.register('password')}
              error={errors.password?.message}
            />
            <PasswordField
              label="Confirmation du mot de passe"
              subject="la confirmation du mot de passe"
              autoComplete="new-password"
              aria-required
              registration={form.register('passwordConfirmation')}
              error={errors.passwordConfirmation?.message}
            />
            <p>
              <Link to={sections.cgu.path} target="_blank" rel="noopener">
                Lire les conditions générales d'utilisation (nouvel onglet)
              </Link>
            </p>
            <CheckboxField
              registration={form.register('cguAccepted')}
              error={errors.cguAccepted?.message}
              aria-required
            >
              J'ai lu et j'accepte les conditions générales d'utilisation de l'Espace Entreprise Santé
              (version {CURRENT_CGU_VERSION}).
            </CheckboxField>
            <div className="form__actions form__actions--split">
              <button type="button" className="button button--secondary" onClick={() => goTo(2)}>
                Précédent
              </button>
              <SubmitButton pending={activating} pendingLabel="Activation en cours…">
                Valider
              </SubmitButton>
            </div>
          </form>
        ) : null}

        <p className="form__links">
          Votre espace est déjà activé ? <Link to={sections.login.path}>Se connecter</Link>
        </p>
      </div>
    </Page>
  );
}
