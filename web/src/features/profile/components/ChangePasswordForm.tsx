import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { currentPassword, newPassword } from '../../../../../functions/contracts/auth';
import { FormAlert, FormSuccess, SubmitButton } from '../../../shared/forms/FormAlert';
import { PasswordField } from '../../../shared/forms/fields';
import { applyServerError, type FormError } from '../../../shared/forms/server-errors';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import { z } from '../../../shared/forms/zod';
import { authCopy } from '../../auth/copy';
import { changePassword } from '../api/profile-api';

/** The contract's rules (changePasswordRequest), plus the confirmation only the form has. */
const changeForm = z
  .object({
    currentPassword,
    newPassword,
    newPasswordConfirmation: z.string().min(1, { error: 'Saisissez à nouveau le nouveau mot de passe.' }),
  })
  .refine((values) => values.currentPassword !== values.newPassword, {
    error: "Le nouveau mot de passe doit être différent de l'actuel.",
    path: ['newPassword'],
  })
  .refine((values) => values.newPassword === values.newPasswordConfirmation, {
    error: authCopy.passwordMismatch,
    path: ['newPasswordConfirmation'],
  });

const FIELDS = ['currentPassword', 'newPassword', 'newPasswordConfirmation'] as const;

export function ChangePasswordForm() {
  const [error, setError] = useState<FormError | null>(null);
  const [changed, setChanged] = useState(false);
  const form = useForm({
    resolver: zodResolver(changeForm),
    defaultValues: { currentPassword: '', newPassword: '', newPasswordConfirmation: '' },
  });
  const { errors } = form.formState;

  const [submit, pending] = useSingleFlight(
    form.handleSubmit(async (values) => {
      setError(null);
      setChanged(false);
      try {
        await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
        form.reset();
        setChanged(true);
      } catch (caught) {
        setError(
          applyServerError(caught, form.setError, FIELDS, { CURRENT_PASSWORD_WRONG: 'currentPassword' }),
        );
      }
    }),
  );

  return (
    <>
      {changed ? (
        <FormSuccess title="Mot de passe modifié">
          <p>Vos autres sessions ouvertes ont été fermées ; celle-ci reste active.</p>
        </FormSuccess>
      ) : null}
      <FormAlert error={error} />
      <form className="form" noValidate onSubmit={submit} aria-labelledby="mot-de-passe-titre">
        <PasswordField
          label="Mot de passe actuel"
          subject="le mot de passe actuel"
          autoComplete="current-password"
          aria-required
          registration={form.register('currentPassword')}
          error={errors.currentPassword?.message}
        />
        <PasswordField
          label="Nouveau mot de passe"
          subject="le nouveau mot de passe"
          hint={authCopy.passwordRule}
          autoComplete="new-password"
          aria-required
          registration={form.register('newPassword')}
          error={errors.newPassword?.message}
        />
        <PasswordField
          label="Confirmation du nouveau mot de passe"
          subject="la confirmation du mot de passe"
          autoComplete="new-password"
          aria-required
          registration={form.register('newPasswordConfirmation')}
          error={errors.newPasswordConfirmation?.message}
        />
        <div className="form__actions">
          <SubmitButton pending={pending} pendingLabel="Enregistrement en cours…">
            Changer mon mot de passe
          </SubmitButton>
        </div>
      </form>
    </>
  );
}
