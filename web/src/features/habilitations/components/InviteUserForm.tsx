import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { role, ROLE_LABELS } from '../../../../../functions/contracts/auth';
import { inviteUserRequest } from '../../../../../functions/contracts/users';
import { formatSiret } from '../../../shared/format';
import { FormAlert, FormSuccess, SubmitButton } from '../../../shared/forms/FormAlert';
import { CheckboxField, RadioGroup, TextField } from '../../../shared/forms/fields';
import { applyServerError, type FormError } from '../../../shared/forms/server-errors';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import { z } from '../../../shared/forms/zod';
import type { MeCompany } from '../../../shared/session/me';
import { habilitationKeys, inviteUser } from '../api/users-api';
import { habilitationsCopy } from '../copy';

const { civilite, lastName, firstName, email, mobile } = inviteUserRequest.shape;

const inviteForm = z.object({
  // The radios start with nothing chosen (''): the contract's enum then says "Choisissez…".
  civilite: z.string().pipe(civilite),
  lastName,
  firstName,
  email,
  mobile,
  rights: z.array(z.object({ companyId: z.string(), included: z.boolean(), role })),
});

const FIELDS = ['civilite', 'lastName', 'firstName', 'email', 'mobile'] as const;

interface Invited {
  name: string;
  email: string;
  rights: { company: string; role: string }[];
}

interface InviteUserFormProps {
  /** The company selected in the header: always part of the invitation. */
  company: MeCompany;
  /** Every company where the current user is an administrator (the selected one included). */
  administered: readonly MeCompany[];
  headingId: string;
  onClose: () => void;
}

/**
 * "Ajouter un utilisateur à mon espace entreprise": the person, then the companies they will
 * reach (among those the current user administers) and their profile on each.
 */
export function InviteUserForm({ company, administered, headingId, onClose }: InviteUserFormProps) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<FormError | null>(null);
  const [invited, setInvited] = useState<Invited | null>(null);
  // The selected company first; it cannot be left out (the API requires it).
  const companies = [company, ...administered.filter((other) => other.companyId !== company.companyId)];
  const defaultValues = {
    civilite: '',
    lastName: '',
    firstName: '',
    email: '',
    mobile: '',
    rights: companies.map((entry, index) => ({
      companyId: entry.companyId,
      included: index === 0,
      role: 'user' as const,
    })),
  };
  const form = useForm({ resolver: zodResolver(inviteForm), defaultValues });
  const { errors } = form.formState;
  const rights = useWatch({ control: form.control, name: 'rights' });

  const [submit, pending] = useSingleFlight(
    form.handleSubmit(async (values) => {
      setError(null);
      const granted = values.rights.filter((right, index) => index === 0 || right.included);
      try {
        await inviteUser(company.companyId, {
          civilite: values.civilite,
          lastName: values.lastName,
          firstName: values.firstName,
          email: values.email,
          mobile: values.mobile,
          rights: granted.map(({ companyId, role: profile }) => ({ companyId, role: profile })),
        });
        setInvited({
          name: `${values.firstName} ${values.lastName}`,
          email: values.email,
          rights: granted.map((right) => ({
            company: companies.find((entry) => entry.companyId === right.companyId)?.name ?? '',
            role: ROLE_LABELS[right.role],
          })),
        });
        form.reset(defaultValues);
        // Every company granted has a new line in its list and its journal.
        void queryClient.invalidateQueries({ queryKey: habilitationKeys.all });
      } catch (caught) {
        setError(applyServerError(caught, form.setError, FIELDS, { INVALID_MOBILE: 'mobile' }));
      }
    }),
  );

  if (invited) {
    return (
      <div className="hab-invite__done">
        <FormSuccess title={habilitationsCopy.invitationSent}>
          <p>
            {invited.name} ({invited.email}) recevra un e-mail avec un lien pour créer son mot de passe. Si
            cette adresse a déjà un compte, les accès y sont ajoutés et la personne en est informée par
            e-mail.
          </p>
          <ul>
            {invited.rights.map((right) => (
              <li key={right.company}>
                {right.company} : {right.role}
              </li>
            ))}
          </ul>
        </FormSuccess>
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => {
              setInvited(null);
              // The form comes back empty: its first field is where to start.
              window.requestAnimationFrame(() => form.setFocus('civilite'));
            }}
          >
            Ajouter un autre utilisateur
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Fermer
          </button>
        </div>
      </div>
    );
  }

  return (
    <>
      <FormAlert error={error} />
      <form className="form hab-invite__form" noValidate onSubmit={submit} aria-labelledby={headingId}>
        <p className="form__intro">{habilitationsCopy.inviteIntro}</p>
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
        <TextField
          label="Adresse e-mail"
          hint="Le lien de création du mot de passe y sera envoyé ; elle sera l’identifiant de connexion."
          type="email"
          inputMode="email"
          autoComplete="off"
          spellCheck={false}
          aria-required
          registration={form.register('email')}
          error={errors.email?.message}
        />
        <TextField
          label="Téléphone mobile"
          hint="Un mobile français (06 ou 07) : il recevra les codes de sécurité par SMS."
          type="tel"
          inputMode="tel"
          autoComplete="off"
          className="field__input--short"
          aria-required
          registration={form.register('mobile')}
          error={errors.mobile?.message}
        />

        <fieldset className="field hab-rights">
          <legend className="field__label">Entreprises et profil</legend>
          <p className="field__hint">
            {companies.length > 1
              ? 'Choisissez les entreprises auxquelles cet utilisateur aura accès, et son profil sur chacune. L’entreprise sélectionnée est toujours incluse.'
              : 'Le profil de cet utilisateur sur votre entreprise.'}{' '}
            {habilitationsCopy.profilesHelp}
          </p>
          <ul className="hab-rights__list">
            {companies.map((entry, index) => {
              const included = index === 0 || Boolean(rights[index]?.included);
              return (
                <li key={entry.companyId} className={included ? 'hab-right is-included' : 'hab-right'}>
                  {index === 0 ? (
                    <p className="hab-right__company">
                      <strong>{entry.name}</strong>{' '}
                      <span className="hab-right__siret">SIRET {formatSiret(entry.mainSiret)}</span>{' '}
                      <span className="hab-right__tag">entreprise sélectionnée</span>
                    </p>
                  ) : (
                    <CheckboxField registration={form.register(`rights.${index}.included`)}>
                      <strong>{entry.name}</strong>{' '}
                      <span className="hab-right__siret">SIRET {formatSiret(entry.mainSiret)}</span>
                    </CheckboxField>
                  )}
                  {included ? (
                    <RadioGroup
                      legend={`Profil sur ${entry.name}`}
                      options={habilitationsCopy.roleOptions}
                      required
                      registration={form.register(`rights.${index}.role`)}
                      error={errors.rights?.[index]?.role?.message}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        </fieldset>

        <div className="form__actions form__actions--split">
          <button type="button" className="button button--secondary" onClick={onClose}>
            Annuler
          </button>
          <SubmitButton pending={pending} pendingLabel="Envoi de l’invitation…">
            Envoyer l’invitation
          </SubmitButton>
        </div>
      </form>
    </>
  );
}
