import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { updateProfileRequest, verifyProfilePhoneRequest } from '../../../../../functions/contracts/users';
import { isApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { FormAlert, FormSuccess, SubmitButton } from '../../../shared/forms/FormAlert';
import { RadioGroup, TextField } from '../../../shared/forms/fields';
import { applyServerError, formError, type FormError } from '../../../shared/forms/server-errors';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import { z } from '../../../shared/forms/zod';
import { ME_QUERY_KEY, type Me } from '../../../shared/session/me';
import { MaskedPhone } from '../../auth/components/MaskedPhone';
import { authCopy } from '../../auth/copy';
import {
  PROFILE_QUERY_KEY,
  updateProfile,
  verifyProfilePhone,
  type ProfileChanges,
} from '../api/update-profile';

const { civilite, lastName, firstName, mobile } = updateProfileRequest.shape;
const detailsForm = z.object({
  civilite: civilite.unwrap(),
  lastName: lastName.unwrap(),
  firstName: firstName.unwrap(),
  // Empty: the current number stays.
  mobile: z.union([z.literal(''), mobile.unwrap()]),
});
const FIELDS = ['civilite', 'lastName', 'firstName', 'mobile'] as const;
const CIVILITES = [
  { value: 'MME', label: 'Madame' },
  { value: 'M', label: 'Monsieur' },
];

type Step =
  | { name: 'closed' }
  | { name: 'edit' }
  | { name: 'code'; maskedPhone: string; expiresAt: string; mobile: string };

/**
 * "Modifier mes informations": civilité and names are saved at once; a new mobile number is
 * saved only once the code sent to it by SMS is typed back (it receives the security codes).
 */
export function ContactDetailsForm({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ name: 'closed' });
  const [error, setError] = useState<FormError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const defaults = { civilite: me.civilite, lastName: me.lastName, firstName: me.firstName, mobile: '' };
  const form = useForm({ resolver: zodResolver(detailsForm), defaultValues: defaults });
  const codeForm = useForm({ resolver: zodResolver(verifyProfilePhoneRequest), defaultValues: { code: '' } });

  // Each step's heading takes the focus, so the change of content is announced.
  useEffect(() => {
    if (step.name !== 'closed') headingRef.current?.focus();
  }, [step.name]);

  const refreshUser = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
      queryClient.invalidateQueries({ queryKey: PROFILE_QUERY_KEY }),
    ]);

  const open = () => {
    form.reset(defaults);
    setError(null);
    setDone(null);
    setStep({ name: 'edit' });
  };
  const close = () => {
    setStep({ name: 'closed' });
    setError(null);
    window.requestAnimationFrame(() => openerRef.current?.focus());
  };
  /** Back to the details, with a confirmation that takes the focus (FormSuccess). */
  const finish = (message: string) => {
    setStep({ name: 'closed' });
    setError(null);
    setDone(message);
  };

  const send = async (changes: ProfileChanges) => {
    const result = await updateProfile(changes);
    await refreshUser();
    if (result.phoneVerification && changes.mobile) {
      codeForm.reset({ code: '' });
      setStep({ name: 'code', ...result.phoneVerification, mobile: changes.mobile });
      return;
    }
    finish(
      changes.mobile && Object.keys(changes).length === 1
        ? 'Ce numéro est déjà celui de votre compte : rien n’a changé.'
        : 'Vos informations sont enregistrées.',
    );
  };

  const [submit, pending] = useSingleFlight(
    form.handleSubmit(async (values) => {
      setError(null);
      const changes: ProfileChanges = {
        ...(values.civilite !== me.civilite ? { civilite: values.civilite } : {}),
        ...(values.lastName !== me.lastName ? { lastName: values.lastName } : {}),
        ...(values.firstName !== me.firstName ? { firstName: values.firstName } : {}),
        ...(values.mobile ? { mobile: values.mobile } : {}),
      };
      if (Object.keys(changes).length === 0) {
        setError(formError('Vous n’avez rien modifié.'));
        return;
      }
      try {
        await send(changes);
      } catch (caught) {
        setError(applyServerError(caught, form.setError, FIELDS, { INVALID_MOBILE: 'mobile' }));
      }
    }),
  );

  const [submitCode, verifying] = useSingleFlight(
    codeForm.handleSubmit(async (values) => {
      setError(null);
      try {
        await verifyProfilePhone(values.code);
        await refreshUser();
        finish('Votre nouveau numéro de mobile est vérifié : il recevra désormais vos codes de sécurité.');
      } catch (caught) {
        if (isApiError(caught) && caught.code === 'PHONE_CODE_EXHAUSTED') {
          setStep({ name: 'edit' });
          setError(formError(caught.message));
          return;
        }
        setError(applyServerError(caught, codeForm.setError, ['code'], { LOGIN_CODE_EXPIRED: 'code' }));
      }
    }),
  );

  const [resend, resending] = useSingleFlight(async () => {
    if (step.name !== 'code') return;
    setError(null);
    try {
      await send({ mobile: step.mobile });
    } catch (caught) {
      setError(applyServerError(caught, codeForm.setError, ['code']));
    }
  });

  if (step.name === 'closed') {
    return (
      <>
        {done ? <FormSuccess title={done} /> : null}
        <p>
          <button ref={openerRef} type="button" className="button button--secondary" onClick={open}>
            Modifier mes informations
          </button>
        </p>
      </>
    );
  }

  if (step.name === 'code') {
    return (
      <div>
        <h3 ref={headingRef} tabIndex={-1} className="card__title">
          Confirmer votre nouveau numéro
        </h3>
        <FormAlert error={error} />
        <form className="form" noValidate onSubmit={submitCode} aria-label="Confirmer le nouveau numéro">
          <p>
            Un code à 6 chiffres vient d’être envoyé par SMS au <MaskedPhone masked={step.maskedPhone} />. Il
            est valable jusqu’au {formatDateTime(step.expiresAt)}.
          </p>
          <TextField
            label="Code reçu par SMS"
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
              Confirmer le numéro
            </SubmitButton>
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={resending || undefined}
              onClick={() => void resend()}
            >
              {resending ? 'Envoi en cours…' : 'Recevoir un nouveau code'}
            </button>
            <button type="button" className="button--link" onClick={close}>
              Annuler
            </button>
          </div>
        </form>
      </div>
    );
  }

  const { errors } = form.formState;
  return (
    <div>
      <h3 ref={headingRef} tabIndex={-1} className="card__title">
        Modifier mes informations
      </h3>
      <FormAlert error={error} />
      <form className="form" noValidate onSubmit={submit} aria-label="Modifier mes informations">
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
          label="Nouveau numéro de mobile (facultatif)"
          hint={
            <>
              {authCopy.phoneHint} Laissez vide pour garder le numéro actuel
              {me.maskedPhone ? (
                <>
                  {' '}
                  (<MaskedPhone masked={me.maskedPhone} />)
                </>
              ) : null}
              . Un code vous sera envoyé par SMS pour le confirmer.
            </>
          }
          type="tel"
          inputMode="tel"
          autoComplete="tel-national"
          className="field__input--short"
          registration={form.register('mobile')}
          error={errors.mobile?.message}
        />
        <div className="form__actions">
          <SubmitButton pending={pending} pendingLabel="Enregistrement en cours…">
            Enregistrer
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={close}>
            Annuler
          </button>
        </div>
      </form>
    </div>
  );
}
