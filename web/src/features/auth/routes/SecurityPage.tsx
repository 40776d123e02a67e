import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { frenchMobile, verifyLoginCodeRequest } from '../../../../../functions/contracts/auth';
import { Page } from '../../../shared/components/Page';
import { isApiError } from '../../../shared/api';
import { FormAlert, SubmitButton } from '../../../shared/forms/FormAlert';
import { TextField } from '../../../shared/forms/fields';
import { applyServerError, type FormError } from '../../../shared/forms/server-errors';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import { z } from '../../../shared/forms/zod';
import { sections } from '../../../shared/sections';
import '../auth.css';
import type { LoginLocationState } from '../../../shared/session/session-notice';
import { loginPath, safeSuite, SUITE_PARAM } from '../../../shared/session/suite';
import { sendLoginCode, verifyLoginCode } from '../api/auth-api';
import { MaskedPhone } from '../components/MaskedPhone';
import { ResendCode } from '../components/ResendCode';
import { authCopy } from '../copy';
import { completeLogin, pendingLogin, setPendingLogin, type PendingLogin } from '../login-attempt';

const phoneForm = z.object({ mobile: frenchMobile });
type PhoneForm = z.infer<typeof phoneForm>;

interface SentCode {
  maskedPhone: string;
  resendAvailableAt: string;
  expiresAt: string;
}

/**
 * These answers mean the login attempt is over (expired, too many codes or sends): the user
 * starts again from the login page, where the server's sentence explains why.
 */
const attemptIsOver = (error: unknown) =>
  isApiError(error) && (error.status === 401 || error.code === 'LOGIN_CODE_SEND_CAP');

/** "Sécurité": the second factor — confirm or enter the mobile number, receive a code, type it. */
export function SecurityPage() {
  const [params] = useSearchParams();
  const suite = safeSuite(params.get(SUITE_PARAM));
  // Read once: the attempt belongs to this visit of the page.
  const [attempt] = useState(pendingLogin);
  if (!attempt) return <Navigate to={loginPath(suite)} replace />;
  return <SecurityStep attempt={attempt} suite={suite} />;
}

function SecurityStep({ attempt, suite }: { attempt: PendingLogin; suite: string | undefined }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [sent, setSent] = useState<SentCode | null>(null);
  const [changingPhone, setChangingPhone] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const codeForm = useForm({ resolver: zodResolver(verifyLoginCodeRequest), defaultValues: { code: '' } });
  const phone = useForm<PhoneForm>({ resolver: zodResolver(phoneForm), defaultValues: { mobile: '' } });
  const [lastMobile, setLastMobile] = useState<string | undefined>(undefined);

  const backToLogin = (message: string) => {
    setPendingLogin(null);
    const state: LoginLocationState = { message };
    void navigate(loginPath(suite), { replace: true, state });
  };

  const send = async (mobile: string | undefined) => {
    setError(null);
    setStatus('');
    try {
      const result = await sendLoginCode(mobile);
      setLastMobile(mobile);
      setSent(result);
      setChangingPhone(false);
      codeForm.reset({ code: '' });
      setStatus(`Un code de sécurité vient d'être envoyé par SMS. Il est valable 10 minutes.`);
    } catch (caught) {
      if (attemptIsOver(caught) && isApiError(caught)) return backToLogin(caught.message);
      setError(applyServerError(caught, phone.setError, ['mobile']));
    }
  };

  const [submitPhone, sending] = useSingleFlight(
    phone.handleSubmit(async (values) => send(attempt.phoneEditable ? values.mobile : undefined)),
  );
  const [sendToVerified, sendingToVerified] = useSingleFlight(async (event) => {
    event?.preventDefault();
    await send(undefined);
  });
  const [resend, resending] = useSingleFlight(async () => send(lastMobile));

  const [submitCode, verifying] = useSingleFlight(
    codeForm.handleSubmit(async (values) => {
      setError(null);
      try {
        await verifyLoginCode(values.code);
        setStatus('Code accepté, ouverture de votre espace…');
        await completeLogin(queryClient, navigate, suite);
      } catch (caught) {
        if (attemptIsOver(caught) && isApiError(caught)) return backToLogin(caught.message);
        setError(applyServerError(caught, codeForm.setError, ['code'], { LOGIN_CODE_EXPIRED: 'code' }));
      }
    }),
  );

  const askPhone = attempt.phoneEditable && (!sent || changingPhone);

  // Each new code: the next thing to do is typing it. Changing the number: typing the number.
  useEffect(() => {
    if (sent) codeForm.setFocus('code');
  }, [sent, codeForm]);
  useEffect(() => {
    if (changingPhone) phone.setFocus('mobile');
  }, [changingPhone, phone]);

  return (
    <Page title={sections.loginSecurity.title} lead={sections.loginSecurity.summary}>
      <div className="auth-layout">
        <div className="form-card">
          <FormAlert error={error} />
          <p className="visually-hidden" role="status">
            {status}
          </p>

          {askPhone ? (
            <form className="form" noValidate onSubmit={submitPhone} aria-labelledby="telephone-titre">
              <h2 id="telephone-titre" className="form-card__title">
                Votre numéro de téléphone mobile
              </h2>
              <p>Indiquez le numéro de mobile sur lequel vous recevrez le code de sécurité par SMS.</p>
              <TextField
                label="Numéro de téléphone mobile"
                hint={authCopy.phoneHint}
                type="tel"
                inputMode="tel"
                autoComplete="tel-national"
                className="field__input--short"
                aria-required
                registration={phone.register('mobile')}
                error={phone.formState.errors.mobile?.message}
              />
              <div className="form__actions">
                <SubmitButton pending={sending} pendingLabel="Envoi du code en cours…">
                  Envoyer le code
                </SubmitButton>
                {changingPhone ? (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setChangingPhone(false)}
                  >
                    Annuler
                  </button>
                ) : null}
              </div>
            </form>
          ) : !sent && attempt.maskedPhone ? (
            <form className="form" noValidate onSubmit={sendToVerified} aria-labelledby="telephone-titre">
              <h2 id="telephone-titre" className="form-card__title">
                Votre numéro de téléphone mobile
              </h2>
              <p>Le code de sécurité sera envoyé par SMS au numéro vérifié de votre compte :</p>
              <p className="verified-phone">
                <MaskedPhone masked={attempt.maskedPhone} />
              </p>
              <p className="field__hint">{authCopy.verifiedPhoneLocked}</p>
              <div className="form__actions">
                <SubmitButton pending={sendingToVerified} pendingLabel="Envoi du code en cours…">
                  Envoyer le code
                </SubmitButton>
              </div>
            </form>
          ) : null}

          {sent && !askPhone ? (
            <>
              <form className="form" noValidate onSubmit={submitCode} aria-labelledby="code-titre">
                <h2 id="code-titre" className="form-card__title">
                  Saisissez le code reçu
                </h2>
                <p>
                  Un code à 6 chiffres a été envoyé par SMS au <MaskedPhone masked={sent.maskedPhone} />. Il
                  est valable 10 minutes.
                </p>
                <TextField
                  label="Code de sécurité"
                  hint="Les 6 chiffres du SMS."
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  className="field__input--code"
                  aria-required
                  registration={codeForm.register('code')}
                  error={codeForm.formState.errors.code?.message}
                />
                <div className="form__actions">
                  <SubmitButton pending={verifying} pendingLabel="Vérification en cours…">
                    Continuer
                  </SubmitButton>
                </div>
              </form>
              <ResendCode
                key={sent.resendAvailableAt}
                availableAt={sent.resendAvailableAt}
                pending={resending}
                onResend={() => void resend()}
              />
              {attempt.phoneEditable ? (
                <p>
                  <button type="button" className="button--link" onClick={() => setChangingPhone(true)}>
                    Modifier le numéro de téléphone
                  </button>
                </p>
              ) : null}
            </>
          ) : null}

          <p className="form__links">
            <Link to={loginPath(suite)}>Annuler et revenir à la connexion</Link>
          </p>
        </div>

        <aside className="card auth-aside" aria-labelledby="pourquoi-titre">
          <h2 id="pourquoi-titre" className="card__title">
            Pourquoi ce code ?
          </h2>
          {authCopy.securityWhy.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          <ul className="auth-aside__list">
            {authCopy.securityWhen.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </aside>
      </div>
    </Page>
  );
}
