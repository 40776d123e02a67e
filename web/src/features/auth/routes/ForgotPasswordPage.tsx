import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { requestPasswordResetRequest } from '../../../../../functions/contracts/auth';
import { Page } from '../../../shared/components/Page';
import { FormAlert, FormSuccess, SubmitButton } from '../../../shared/forms/FormAlert';
import { TextField } from '../../../shared/forms/fields';
import { applyServerError, type FormError } from '../../../shared/forms/server-errors';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import { sections } from '../../../shared/sections';
import '../auth.css';
import { requestPasswordReset } from '../api/auth-api';

/** "Mot de passe oublié": the same answer whether the address has an account or not. */
export function ForgotPasswordPage() {
  const [done, setDone] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const form = useForm({ resolver: zodResolver(requestPasswordResetRequest), defaultValues: { email: '' } });

  const [submit, pending] = useSingleFlight(
    form.handleSubmit(async (values) => {
      setError(null);
      try {
        await requestPasswordReset(values.email);
        setDone(true);
      } catch (caught) {
        setError(applyServerError(caught, form.setError, ['email']));
      }
    }),
  );

  return (
    <Page title={sections.forgotPassword.title} lead={sections.forgotPassword.summary}>
      <div className="form-card">
        {done ? (
          <>
            <FormSuccess title="Demande enregistrée">
              <p>Si un compte existe pour cette adresse, un e-mail vient de vous être envoyé.</p>
              <p>
                Le lien qu'il contient est valable 30 minutes. Pensez à regarder dans vos courriers
                indésirables.
              </p>
            </FormSuccess>
            <p>
              <Link to={sections.login.path}>Retour à la connexion</Link>
            </p>
          </>
        ) : (
          <>
            <FormAlert error={error} />
            <form className="form" noValidate onSubmit={submit} aria-label="Recevoir un lien par e-mail">
              <p className="form__intro">
                Indiquez l'adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un
                nouveau mot de passe.
              </p>
              <TextField
                label="Adresse e-mail"
                type="email"
                inputMode="email"
                autoComplete="username"
                spellCheck={false}
                aria-required
                registration={form.register('email')}
                error={form.formState.errors.email?.message}
              />
              <div className="form__actions">
                <SubmitButton pending={pending} pendingLabel="Envoi en cours…">
                  Recevoir le lien
                </SubmitButton>
              </div>
            </form>
            <p className="form__links">
              <Link to={sections.login.path}>Retour à la connexion</Link>
            </p>
          </>
        )}
      </div>
    </Page>
  );
}
