import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { loginRequest, type LoginRequest } from '../../../../../functions/contracts/auth';
import { Page } from '../../../shared/components/Page';
import { FormAlert, SubmitButton } from '../../../shared/forms/FormAlert';
import { PasswordField, TextField } from '../../../shared/forms/fields';
import { applyServerError, type FormError } from '../../../shared/forms/server-errors';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import { sections } from '../../../shared/sections';
import '../auth.css';
import { useMe } from '../../../shared/session/me';
import {
  isLoginLocationState,
  SESSION_NOTICE_MESSAGES,
  setSessionNotice,
} from '../../../shared/session/session-notice';
import { safeSuite, SUITE_PARAM } from '../../../shared/session/suite';
import { login } from '../api/auth-api';
import { completeLogin, setPendingLogin } from '../login-attempt';

/** "Connexion": e-mail and password, then the security step when the API asks for a code. */
export function LoginPage() {
  const [params] = useSearchParams();
  const suite = safeSuite(params.get(SUITE_PARAM));
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const [error, setError] = useState<FormError | null>(null);

  const state = isLoginLocationState(location.state) ? location.state : {};
  const notice = state.notice ? SESSION_NOTICE_MESSAGES[state.notice] : undefined;

  // The notice travels in the navigation state from here on; it must not show up again later.
  useEffect(() => setSessionNotice(null), []);

  const form = useForm({
    resolver: zodResolver(loginRequest),
    defaultValues: { email: '', password: '' },
  });
  const { errors } = form.formState;

  const [submit, pending] = useSingleFlight(
    form.handleSubmit(async (values: LoginRequest) => {
      setError(null);
      try {
        const result = await login(values);
        if (result.status === 'authenticated') {
          await completeLogin(queryClient, navigate, suite);
          return;
        }
        setPendingLogin({ maskedPhone: result.maskedPhone, phoneEditable: result.phoneEditable });
        const search = suite ? `?${new URLSearchParams({ [SUITE_PARAM]: suite }).toString()}` : '';
        await navigate(`${sections.loginSecurity.path}${search}`);
      } catch (caught) {
        form.resetField('password');
        setError(applyServerError(caught, form.setError, ['email', 'password']));
      }
    }),
  );

  // Already signed in (another tab, the back button): nothing to do here.
  if (me.data && !pending) return <Navigate to={suite ?? '/'} replace />;

  return (
    <Page title={sections.login.title} lead={sections.login.summary}>
      {notice || state.message ? (
        // A deliberate logout is a confirmation; an ended session or attempt needs attention.
        <p className="notice notice--session" role={state.notice === 'logged-out' ? 'status' : 'alert'}>
          {state.message ?? notice}
        </p>
      ) : null}
      <div className="auth-layout">
        <div className="form-card">
          <FormAlert error={error} />
          <form className="form" noValidate onSubmit={submit} aria-labelledby="connexion-titre">
            <h2 id="connexion-titre" className="form-card__title">
              Se connecter
            </h2>
            <TextField
              label="Adresse e-mail"
              type="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              aria-required
              registration={form.register('email')}
              error={errors.email?.message}
            />
            <PasswordField
              label="Mot de passe"
              autoComplete="current-password"
              aria-required
              registration={form.register('password')}
              error={errors.password?.message}
            />
            <p>
              <Link to={sections.forgotPassword.path}>Mot de passe oublié ?</Link>
            </p>
            <div className="form__actions">
              <SubmitButton pending={pending} pendingLabel="Connexion en cours…">
                Se connecter
              </SubmitButton>
            </div>
          </form>
        </div>
        <aside className="card auth-aside" aria-labelledby="premiere-connexion">
          <h2 id="premiere-connexion" className="card__title">
            Première connexion ?
          </h2>
          <p>
            Activez votre espace avec le numéro de SIRET de votre entreprise et son identifiant entreprise,
            puis choisissez votre mot de passe.
          </p>
          <p>
            <Link to={sections.activation.path} className="button button--secondary">
              Activer mon espace
            </Link>
          </p>
        </aside>
      </div>
    </Page>
  );
}
