import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { addEstablishmentRequest } from '../../../../../functions/contracts/users';
import { FormAlert, FormSuccess, SubmitButton } from '../../../shared/forms/FormAlert';
import { TextField } from '../../../shared/forms/fields';
import { applyServerError, type FormError } from '../../../shared/forms/server-errors';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import { useCompanies } from '../../../shared/session/company';
import { ME_QUERY_KEY } from '../../../shared/session/me';
import { IdentifierHelp } from '../../auth/components/IdentifierHelp';
import { addEstablishment } from '../api/add-establishment';
import { PROFILE_QUERY_KEY } from '../api/update-profile';

const FIELDS = ['siret', 'companyNumber'] as const;

/**
 * "Ajouter un établissement au périmètre suivi": the SIRET and identifiant entreprise of
 * another company, checked against the insurer's records; the user becomes its administrator.
 */
export function AddEstablishmentForm() {
  const queryClient = useQueryClient();
  const { select } = useCompanies();
  const [error, setError] = useState<FormError | null>(null);
  const [added, setAdded] = useState<{ companyId: string; name: string } | null>(null);
  const form = useForm({
    resolver: zodResolver(addEstablishmentRequest),
    defaultValues: { siret: '', companyNumber: '' },
  });
  const { errors } = form.formState;

  const [submit, pending] = useSingleFlight(
    form.handleSubmit(async (values) => {
      setError(null);
      setAdded(null);
      try {
        const company = await addEstablishment(values);
        // The new company shows in the header's selector and in "Mon périmètre".
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
          queryClient.invalidateQueries({ queryKey: PROFILE_QUERY_KEY }),
        ]);
        form.reset();
        setAdded(company);
      } catch (caught) {
        setError(applyServerError(caught, form.setError, FIELDS));
      }
    }),
  );

  return (
    <>
      {added ? (
        <FormSuccess title="Entreprise ajoutée à votre périmètre">
          <p>
            <strong>{added.name}</strong> fait maintenant partie des entreprises que vous suivez ; vous en
            êtes administrateur. Vous pouvez la choisir à tout moment dans le sélecteur d’entreprise en haut
            de page.
          </p>
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => select(added.companyId)}
            >
              Travailler sur {added.name}
            </button>
          </p>
        </FormSuccess>
      ) : null}
      <FormAlert error={error} />
      <form className="form" noValidate onSubmit={submit} aria-labelledby="ajout-etablissement-titre">
        <p className="form__intro">
          Saisissez le SIRET et l’identifiant entreprise de l’établissement à ajouter : vous en deviendrez
          l’administrateur. Les deux champs sont obligatoires.
        </p>
        <TextField
          label="Numéro de SIRET"
          hint="14 chiffres, ceux de l'établissement principal pour un groupe."
          inputMode="numeric"
          autoComplete="off"
          className="field__input--short"
          aria-required
          registration={form.register('siret')}
          error={errors.siret?.message}
        />
        <TextField
          label="Identifiant entreprise"
          hint="Le «&nbsp;Numéro entreprise&nbsp;» ou «&nbsp;Numéro d'adhérent&nbsp;» de vos courriers (6 à 12 lettres ou chiffres)."
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="field__input--short"
          aria-required
          registration={form.register('companyNumber')}
          error={errors.companyNumber?.message}
        />
        <IdentifierHelp />
        <div className="form__actions">
          <SubmitButton pending={pending} pendingLabel="Vérification en cours…">
            Ajouter l’établissement
          </SubmitButton>
        </div>
      </form>
    </>
  );
}
