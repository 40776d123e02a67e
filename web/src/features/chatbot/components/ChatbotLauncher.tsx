import { useRef, useState, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { HelpLine } from '../../../shared/components/HelpLine';
import { IconChat, IconClose } from '../../../shared/components/icons';
import { sections } from '../../../shared/sections';

/**
 * The assistant's entry point, on every page. The conversation itself comes later; until then
 * the dialog says so and points to the people who can answer today.
 */
export function ChatbotLauncher() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const launcherRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);

  const openDialog = () => {
    dialogRef.current?.showModal();
    setOpen(true);
  };
  const closeDialog = () => dialogRef.current?.close();

  // Escape, the close button and links all end here (the dialog's native `close` event).
  const onClose = () => {
    setOpen(false);
    // The browser usually restores focus itself; a link that navigated moves it to the new page.
    if (document.activeElement === document.body) launcherRef.current?.focus();
  };

  // A click on the backdrop lands on the <dialog> element itself, outside its content box.
  const onDialogClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) closeDialog();
  };

  return (
    <>
      <button
        ref={launcherRef}
        type="button"
        className="chatbot-launcher"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={openDialog}
      >
        <IconChat className="chatbot-launcher__icon" />
        <span className="visually-hidden">Une question ? Ouvrir l'assistant</span>
      </button>
      <dialog
        ref={dialogRef}
        id="assistant"
        className="chatbot-dialog"
        aria-labelledby="assistant-titre"
        onClose={onClose}
        onClick={onDialogClick}
      >
        <div className="chatbot-dialog__content">
          <div className="chatbot-dialog__header">
            <IconChat className="chatbot-dialog__icon" />
            <h2 id="assistant-titre" className="chatbot-dialog__title">
              Assistant en ligne
            </h2>
            <button type="button" className="icon-button" onClick={closeDialog}>
              <IconClose />
              <span className="visually-hidden">Fermer l'assistant</span>
            </button>
          </div>
          <p>
            <strong>L'assistant arrive bientôt.</strong> Il vous guidera pas à pas dans la prise en main de
            votre espace : activation, identifiant entreprise, double authentification, mot de passe, ajout
            d'utilisateurs, et répondra à vos questions générales sur le régime.
          </p>
          <p>En attendant, nos équipes sont là pour vous répondre.</p>
          <HelpLine />
          <p className="chatbot-dialog__actions">
            <Link to={sections.contact.path} className="button" onClick={closeDialog}>
              Écrire à nos équipes
            </Link>
          </p>
        </div>
      </dialog>
    </>
  );
}
