import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { Page } from '../../../shared/components/Page';
import { FormAlert, FormSuccess } from '../../../shared/forms/FormAlert';
import { formError } from '../../../shared/forms/server-errors';
import { sections } from '../../../shared/sections';
import '../auth.css';
import { confirmEmail } from '../api/auth-api';
import { useLinkToken } from '../link-token';

const INCOMPLETE_LINK =
  "Ce lien de confirmation est incomplet. Ouvrez-le directement depuis l'e-mail reçu, sans le recopier.";

/** Opened from the e-mail sent at activation: confirms the address as soon as the page loads. */
export function ConfirmEmailPage() {
  const token = useLinkToken();
  const { mutate, status, error } = useMutation({ mutationFn: confirmEmail });
  // The link works once: however often effects run, it is sent once.
  const sent = useRef(false);

  // Stable objects: the summary takes the focus each time it receives a new one.
  const incomplete = useMemo(() => formError(INCOMPLETE_LINK, false), []);
  const failure = useMemo(() => (error ? formError(error.message) : null), [error]);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    mutate(token);
  }, [token, mutate]);

  return (
    <Page title={sections.emailConfirmation.title} lead={sections.emailConfirmation.summary}>
      <div className="form-card">
        <p role="status" className={status === 'pending' ? 'pending-status' : 'visually-hidden'}>
          {status === 'pending' ? 'Confirmation de votre adresse en cours…' : ''}
        </p>
        {!token ? <FormAlert error={incomplete} /> : null}
        {status === 'success' ? (
          <>
            <FormSuccess title="Adresse confirmée">
              <p>Votre espace est activé : vous pouvez maintenant vous connecter.</p>
            </FormSuccess>
            <p>
              <Link to={sections.login.path} className="button">
                Se connecter
              </Link>
            </p>
          </>
        ) : null}
        <FormAlert error={failure} />
        {!token || status === 'error' ? (
          <>
            <p>
              Vous avez déjà confirmé votre adresse ? <Link to={sections.login.path}>Connectez-vous</Link>.
            </p>
            <p>
              Sinon, demandez un lien depuis «&nbsp;
              <Link to={sections.forgotPassword.path}>Mot de passe oublié</Link>&nbsp;» : en choisissant un
              nouveau mot de passe, vous confirmez aussi votre adresse.
            </p>
          </>
        ) : null}
      </div>
    </Page>
  );
}
