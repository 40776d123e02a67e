import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { CURRENT_CGU_VERSION, newPassword } from '../../../../../functions/contracts/auth';
import { isApiError } from '../../../shared/api';
import { Page } from '../../../shared/components/Page';
import { FormAlert, FormSuccess, SubmitButton } from '../../../shared/forms/FormAlert';
import { CheckboxField, PasswordField } from '../../../shared/forms/fields';
import { applyServerError, formError, type FormError } from '../../../shared/forms/server-errors';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import { z } from '../../../shared/forms/zod';
import { sections } from '../../../shared/sections';
import { authCopy } from '../../auth/copy';
import { useLinkToken } from '../../auth/link-token';
import { acceptInvitation } from '../api/users-api';
import { habilitationsCopy } from '../copy';
import '../habilitations.css';

const invitationForm = z
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
  });

const FIELDS = ['password', 'passwordConfirmation', 'cguAccepted'] as const;
const copy = habilitationsCopy.invitation;

/** Opened from the invitation e-mail (`/invitation#jeton=…`): the invited person chooses a password. */
export function InvitationPage() {
  const token = useLinkToken();
  const [email, setEmail] = useState<string | null>(null);
  const [linkDead, setLinkDead] = useState(false);
  const [error, setError] = useState<FormError | null>(token ? null : formError(copy.incompleteLink, false));
  const form = useForm({
    resolver: zodResolver(invitationForm),
    defaultValues: { password: '', passwordConfirmation: '', cguAccepted: false },
  });
  const { errors } = form.formState;

  const [submit, pending] = useSingleFlight(
    form.handleSubmit(async (values) => {
      if (!token) return;
      setError(null);
      try {
        const result = await acceptInvitation({
          token,
          password: values.password,
          cguVersion: CURRENT_CGU_VERSION,
          cguAccepted: true,
        });
        setEmail(result.email);
      } catch (caught) {
        if (isApiError(caught) && caught.code === 'LINK_INVALID') setLinkDead(true);
        setError(applyServerError(caught, form.setError, FIELDS));
      }
    }),
  );

  if (email) {
    return (
      <Page title={copy.title} lead="Votre accès est prêt.">
        <div className="form-card hab-invitation">
          <FormSuccess title="Votre mot de passe est créé">
            <p>
              Connectez-vous avec votre adresse <strong>{email}</strong> et ce mot de passe. Lors de votre
              première connexion, un code de sécurité vous sera envoyé par SMS.
            </p>
          </FormSuccess>
          <p>
            <Link to={sections.login.path} className="button">
              Se connecter
            </Link>
          </p>
        </div>
      </Page>
    );
  }

  const canSubmit = Boolean(token) && !linkDead;
  return (
    <Page title={copy.title} lead={copy.lead}>
      <div className="form-card hab-invitation">
        <FormAlert error={error}>{!canSubmit ? <p>{copy.deadLinkAdvice}</p> : null}</FormAlert>
        {canSubmit ? (
          <form className="form" noValidate onSubmit={submit} aria-label="Choisir mon mot de passe">
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
            <div className="form__actions">
              <SubmitButton pending={pending} pendingLabel="Enregistrement en cours…">
                Créer mon mot de passe
              </SubmitButton>
            </div>
          </form>
        ) : null}
        <p className="form__links">
          Déjà un mot de passe ? <Link to={sections.login.path}>Se connecter</Link>
        </p>
      </div>
    </Page>
  );
}
