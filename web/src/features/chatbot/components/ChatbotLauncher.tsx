import { useRef, useState, type ComponentType } from 'react';
import { IconChat } from '../../../shared/components/icons';
import type { ChatbotDialogProps } from './ChatbotDialog';
import '../launcher.css';

type DialogModule = { ChatbotDialog: ComponentType<ChatbotDialogProps> };

// The conversation (and zod, which checks its answers) is a chunk of its own: every page has
// the button, few visitors open it. Hovering or focusing the button starts the download.
let dialogModule: Promise<DialogModule> | undefined;
const loadDialog = () => {
  dialogModule ??= import('./ChatbotDialog').catch((error: unknown) => {
    dialogModule = undefined; // A failed download may be retried.
    throw error;
  });
  return dialogModule;
};

const LOAD_FAILED = "L'assistant n'a pas pu s'ouvrir. Vérifiez votre connexion internet puis réessayez.";

/** The assistant's button, bottom right of every page, signed in or not. */
export function ChatbotLauncher() {
  const launcherRef = useRef<HTMLButtonElement>(null);
  const [Dialog, setDialog] = useState<ComponentType<ChatbotDialogProps> | null>(null);
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState(false);

  const openDialog = async () => {
    setLoadError(false);
    if (Dialog) {
      setOpen(true);
      return;
    }
    if (loading) return;
    setLoading(true);
    try {
      const module = await loadDialog();
      setDialog(() => module.ChatbotDialog);
      setOpen(true);
    } catch {
      setLoadError(true);
    } finally {
      setLoading(false);
    }
  };

  const onClose = () => {
    setOpen(false);
    // The browser gives the focus back to the button; a link that navigated moves it to the
    // new page's heading. Only when it fell on nothing does the button take it.
    window.requestAnimationFrame(() => {
      if (document.activeElement === document.body) launcherRef.current?.focus();
    });
  };

  return (
    <>
      <button
        ref={launcherRef}
        type="button"
        className="chatbot-launcher"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-busy={loading || undefined}
        onPointerEnter={() => void loadDialog().catch(() => undefined)}
        onFocus={() => void loadDialog().catch(() => undefined)}
        onClick={() => void openDialog()}
      >
        <IconChat className="chatbot-launcher__icon" />
        <span className="visually-hidden">Une question ? Ouvrir l'assistant</span>
      </button>
      <p className="visually-hidden" role="status">
        {loading ? "Ouverture de l'assistant…" : ''}
      </p>
      {loadError ? (
        <p className="chatbot-launcher__error" role="alert">
          {LOAD_FAILED}
        </p>
      ) : null}
      {Dialog ? <Dialog open={open} onClose={onClose} /> : null}
    </>
  );
}
