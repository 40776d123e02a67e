import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { role } from '../../../../../functions/contracts/auth';
import { updateUserRightsRequest, type CompanyUser } from '../../../../../functions/contracts/users';
import { isApiError } from '../../../shared/api';
import { FormAlert, SubmitButton } from '../../../shared/forms/FormAlert';
import { RadioGroup, TextField } from '../../../shared/forms/fields';
import { applyServerError, type FormError } from '../../../shared/forms/server-errors';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import { z } from '../../../shared/forms/zod';
import { updateUserRights } from '../api/users-api';
import { habilitationsCopy } from '../copy';
import { fullName } from '../lib/user-actions';
import { Modal } from '../../../shared/components/Modal';

const { civilite, lastName, firstName } = updateUserRightsRequest.shape;
const editForm = z.object({
  civilite: civilite.unwrap(),
  lastName: lastName.unwrap(),
  firstName: firstName.unwrap(),
  role,
});

const FIELDS = ['civilite', 'lastName', 'firstName', 'role'] as const;

interface EditUserDialogProps {
  companyId: string;
  companyName: string;
  user: CompanyUser;
  isSelf: boolean;
  /** `updated`: the user as the API answered, when the change went through. */
  onDone: (updated: CompanyUser | undefined) => Promise<void> | void;
  /** Someone changed this user meanwhile: the list must be read again. */
  onStale: () => Promise<unknown>;
}

/** "Modifier": the person's civilité and names, and their profile on this company. */
export function EditUserDialog({
  companyId,
  companyName,
  user,
  isSelf,
  onDone,
  onStale,
}: EditUserDialogProps) {
  const [error, setError] = useState<FormError | null>(null);
  const [stale, setStale] = useState(false);
  const form = useForm({
    resolver: zodResolver(editForm),
    defaultValues: {
      civilite: user.civilite,
      lastName: user.lastName,
      firstName: user.firstName,
      role: user.role,
    },
  });
  const { errors } = form.formState;

  const [submit, pending] = useSingleFlight(
    form.handleSubmit(async (values) => {
      setError(null);
      try {
        const updated = await updateUserRights(companyId, user.userId, { ...values, version: user.version });
        await onDone(updated);
      } catch (caught) {
        if (isApiError(caught) && caught.code === 'VERSION_CONFLICT') setStale(true);
        setError(applyServerError(caught, form.setError, FIELDS, { LAST_ADMIN: 'role' }));
      }
    }),
  );

  return (
    <Modal title={`Modifier ${fullName(user)}`} busy={pending} onClose={() => void onDone(undefined)}>
      <FormAlert error={error}>
        {stale ? (
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void onStale().then(() => onDone(undefined))}
            >
              Recharger la liste des utilisateurs
            </button>
          </p>
        ) : null}
      </FormAlert>
      <form className="form" noValidate onSubmit={submit} aria-label={`Modifier ${fullName(user)}`}>
        <p className="form__intro">
          Adresse e-mail : <strong>{user.email}</strong> (elle ne peut pas être modifiée).
        </p>
        <RadioGroup
          legend="Civilité"
          options={habilitationsCopy.civilites}
          required
          registration={form.register('civilite')}
          error={errors.civilite?.message}
        />
        <TextField
          label="Nom"
          autoComplete="off"
          aria-required
          registration={form.register('lastName')}
          error={errors.lastName?.message}
        />
        <TextField
          label="Prénom"
          autoComplete="off"
          aria-required
          registration={form.register('firstName')}
          error={errors.firstName?.message}
        />
        <RadioGroup
          legend={`Profil sur ${companyName}`}
          options={habilitationsCopy.roleOptions}
          required
          registration={form.register('role')}
          error={errors.role?.message}
        />
        <p className="field__hint hab-profile-help">{habilitationsCopy.profilesHelp}</p>
        {isSelf ? <p className="hab-self-note">{habilitationsCopy.selfEditNote}</p> : null}
        <div className="form__actions form__actions--split">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              if (!pending) void onDone(undefined);
            }}
          >
            Annuler
          </button>
          <SubmitButton pending={pending} pendingLabel="Enregistrement en cours…">
            Enregistrer
          </SubmitButton>
        </div>
      </form>
    </Modal>
  );
}
