import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { newPassword } from '../../../../../functions/contracts/auth';
import { isApiError } from '../../../shared/api';
import { Page } from '../../../shared/components/Page';
import { FormAlert, FormSuccess, SubmitButton } from '../../../shared/forms/FormAlert';
import { PasswordField } from '../../../shared/forms/fields';
import { applyServerError, formError, type FormError } from '../../../shared/forms/server-errors';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import { z } from '../../../shared/forms/zod';
import { sections } from '../../../shared/sections';
import '../auth.css';
import { endSession } from '../../../shared/session/me';
import { resetPassword } from '../api/auth-api';
import { authCopy } from '../copy';
import { useLinkToken } from '../link-token';

const resetForm = z
  .object({
    password: newPassword,
    passwordConfirmation: z.string().min(1, { error: 'Saisissez à nouveau votre mot de passe.' }),
  })
  .refine((values) => values.password === values.passwordConfirmation, {
    error: authCopy.passwordMismatch,
    path: ['passwordConfirmation'],
  });

const INCOMPLETE_LINK =
  "Ce lien est incomplet. Ouvrez-le directement depuis l'e-mail reçu, ou demandez-en un nouveau.";

/** Opened from the "Mot de passe oublié" e-mail (or an invitation): choose the new password. */
export function ResetPasswordPage() {
  const token = useLinkToken();
  const queryClient = useQueryClient();
  const [done, setDone] = useState(false);
  const [linkDead, setLinkDead] = useState(false);
  const [error, setError] = useState<FormError | null>(token ? null : formError(INCOMPLETE_LINK, false));
  const form = useForm({
    resolver: zodResolver(resetForm),
    defaultValues: { password: '', passwordConfirmation: '' },
  });

  const [submit, pending] = useSingleFlight(
    form.handleSubmit(async (values) => {
      if (!token) return;
      setError(null);
      try {
        await resetPassword({ token, password: values.password });
        // The API ended every session, this browser's included.
        endSession(queryClient);
        setDone(true);
      } catch (caught) {
        if (isApiError(caught) && caught.code === 'LINK_INVALID') setLinkDead(true);
        setError(applyServerError(caught, form.setError, ['password', 'passwordConfirmation']));
      }
    }),
  );

  if (done) {
    return (
      <Page title={sections.resetPassword.title} lead={sections.resetPassword.summary}>
        <div className="form-card">
          <FormSuccess title="Mot de passe modifié">
            <p>
              Connectez-vous avec votre nouveau mot de passe. Par sécurité, les sessions ouvertes avec
              l'ancien ont été fermées.
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

  const canSubmit = token && !linkDead;
  return (
    <Page title={sections.resetPassword.title} lead={sections.resetPassword.summary}>
      <div className="form-card">
        <FormAlert error={error}>
          {!canSubmit ? (
            <p>
              <Link to={sections.forgotPassword.path}>Recevoir un nouveau lien</Link>
            </p>
          ) : null}
        </FormAlert>
        {canSubmit ? (
          <form className="form" noValidate onSubmit={submit} aria-label="Choisir un nouveau mot de passe">
            <p className="form__intro">{authCopy.requiredNote}</p>
            <PasswordField
              label="Nouveau mot de passe"
              hint={authCopy.passwordRule}
              autoComplete="new-password"
              aria-required
              registration={form.register('password')}
              error={form.formState.errors.password?.message}
            />
            <PasswordField
              label="Confirmation du nouveau mot de passe"
              subject="la confirmation du mot de passe"
              autoComplete="new-password"
              aria-required
              registration={form.register('passwordConfirmation')}
              error={form.formState.errors.passwordConfirmation?.message}
            />
            <div className="form__actions">
              <SubmitButton pending={pending} pendingLabel="Enregistrement en cours…">
                Enregistrer le mot de passe
              </SubmitButton>
            </div>
          </form>
        ) : null}
        <p className="form__links">
          <Link to={sections.login.path}>Retour à la connexion</Link>
        </p>
      </div>
    </Page>
  );
}
