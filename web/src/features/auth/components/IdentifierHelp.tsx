import { useId, useState } from 'react';
import { IconChevronDown } from '../../../shared/components/icons';
import { authCopy } from '../copy';

/** "Comment retrouver votre identifiant entreprise ?" — the guide's help, as a disclosure. */
export function IdentifierHelp() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="disclosure">
      <button
        type="button"
        className="disclosure__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((shown) => !shown)}
      >
        <IconChevronDown className="disclosure__chevron" />
        {authCopy.identifierHelpTitle}
      </button>
      <div id={panelId} className="disclosure__panel" hidden={!open}>
        <p>
          Vous le trouverez en tant que <strong>«&nbsp;Numéro entreprise&nbsp;»</strong> sur les différents
          courriers émanant de votre assureur.
        </p>
        <h3 className="disclosure__subtitle">J'ai un contrat MALAKOFF HUMANIS</h3>
        <p>
          Vous le trouverez en tant que <strong>«&nbsp;Numéro d'adhérent&nbsp;»</strong> sur les différents
          courriers émanant de votre assureur.
        </p>
        <h3 className="disclosure__subtitle">Mon entreprise compte plusieurs établissements</h3>
        <p>
          Si vous faites partie d'un groupe multi-établissements avec un régime unique, le numéro de SIRET à
          saisir est celui de l'établissement principal. N'hésitez pas à prendre contact avec votre
          interlocuteur MH pour valider ce point.
        </p>
      </div>
    </div>
  );
}
