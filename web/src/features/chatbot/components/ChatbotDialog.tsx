import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { Link, useLocation } from 'react-router';
import { CHATBOT_QUESTION_MAX_LENGTH } from '../../../../../functions/contracts/chatbot';
import { isApiError, messageForStatus } from '../../../shared/api';
import { IconChat, IconClose } from '../../../shared/components/icons';
import { HELP_LINE } from '../../../shared/help';
import { sections } from '../../../shared/sections';
import { useMe } from '../../../shared/session/me';
import { askChatbot, pageContext, type AskChatbotResponse } from '../api/ask-chatbot';
import { chatbotCopy } from '../copy';
import { answerBlocks, telHref } from '../lib/answer-text';
import { maskSensitiveNumbers } from '../lib/mask';
import '../chatbot.css';

export interface ChatbotDialogProps {
  open: boolean;
  /** Called once the dialog has closed (Escape, the close button, the backdrop, a link). */
  onClose: () => void;
}

type Entry =
  | { id: number; from: 'user'; text: string }
  | { id: number; from: 'assistant'; response: AskChatbotResponse }
  | { id: number; from: 'error'; text: string };

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The assistant: a modal dialog holding the conversation. The page behind is inert while it
 * is open (showModal), Tab cycles inside it, Escape closes it; on a phone it fills the screen.
 * The conversation stays when the dialog is closed and opened again.
 */
export function ChatbotDialog({ open, onClose }: ChatbotDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const logRef = useRef<HTMLDivElement>(null);
  const nextId = useRef(0);
  const sending = useRef(false);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [question, setQuestion] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const signedIn = Boolean(useMe().data);
  const { pathname } = useLocation();
  const ids = { title: useId(), input: useId(), hint: useId(), error: useId(), starters: useId() };

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      inputRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // The newest message is shown from its start (a long answer is read from the top).
  const newest = entries.at(-1);
  useLayoutEffect(() => {
    const log = logRef.current;
    if (!log) return;
    const target = pending
      ? log.querySelector<HTMLElement>('[data-pending]')
      : newest
        ? log.querySelector<HTMLElement>(`[data-entry="${newest.id}"]`)
        : null;
    if (target) log.scrollTop = Math.max(0, target.offsetTop - 8);
  }, [newest, pending]);

  const closeDialog = () => dialogRef.current?.close();

  const ask = async (text: string) => {
    const trimmed = text.trim();
    if (!trimmed) {
      setInputError(chatbotCopy.emptyQuestion);
      inputRef.current?.focus();
      return;
    }
    if (sending.current) return;
    sending.current = true;
    setPending(true);
    setInputError(null);
    const shown = maskSensitiveNumbers(trimmed);
    setEntries((list) => [...list, { id: nextId.current++, from: 'user', text: shown.text }]);
    setQuestion('');
    try {
      const page = pageContext(pathname);
      const response = await askChatbot({
        question: trimmed,
        context: { signedIn, ...(page ? { page } : {}) },
      });
      setEntries((list) => [...list, { id: nextId.current++, from: 'assistant', response }]);
    } catch (error) {
      const message = isApiError(error) ? (error.fields?.question ?? error.message) : messageForStatus(500);
      setEntries((list) => [...list, { id: nextId.current++, from: 'error', text: message }]);
      // The question comes back for another try — unless it held a number not to show again.
      if (!shown.masked) setQuestion((current) => current || trimmed);
    } finally {
      sending.current = false;
      setPending(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void ask(question);
  };

  const onSuggestion = (suggestion: string) => {
    // The button disappears with the answer: the focus waits in the question field.
    inputRef.current?.focus();
    void ask(suggestion);
  };

  // Tab and Shift+Tab go round inside the dialog instead of leaving for the browser's toolbar.
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const focusables = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (element) => element.getClientRects().length > 0,
    );
    const first = focusables[0];
    const last = focusables.at(-1);
    if (!first || !last) return;
    if (
      event.shiftKey &&
      (document.activeElement === first || document.activeElement === dialogRef.current)
    ) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  // A click on the backdrop lands on the <dialog> element itself, outside its content.
  const onDialogClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) closeDialog();
  };

  const lastAssistant = [...entries].reverse().find((entry) => entry.from === 'assistant');
  const starters = signedIn ? chatbotCopy.startersSignedIn : chatbotCopy.startersVisitor;
  const describedBy = [ids.hint, inputError ? ids.error : ''].filter(Boolean).join(' ');

  return (
    <dialog
      ref={dialogRef}
      id="assistant"
      className="assistant"
      aria-labelledby={ids.title}
      onClose={onClose}
      onClick={onDialogClick}
      onKeyDown={onKeyDown}
    >
      <div className="assistant__frame">
        <div className="assistant__header">
          <IconChat className="assistant__icon" />
          <h2 id={ids.title} className="assistant__title">
            Assistant en ligne
          </h2>
          <button type="button" className="icon-button assistant__close" onClick={closeDialog}>
            <IconClose />
            <span className="visually-hidden">Fermer l'assistant</span>
          </button>
        </div>

        <div
          ref={logRef}
          className="assistant__log"
          role="log"
          aria-live="polite"
          aria-label="Conversation avec l'assistant"
          // Scrollable: reachable with the keyboard so a long answer can be scrolled without a mouse.
          tabIndex={0}
        >
          <div className="assistant__msg assistant__msg--bot">
            <p>{chatbotCopy.welcome}</p>
            {entries.length === 0 ? (
              <Suggestions
                labelId={ids.starters}
                label="Questions fréquentes"
                items={starters}
                onPick={onSuggestion}
              />
            ) : null}
          </div>

          {entries.map((entry) => (
            <div
              key={entry.id}
              data-entry={entry.id}
              className={`assistant__msg assistant__msg--${entry.from === 'user' ? 'user' : entry.from === 'error' ? 'error' : 'bot'}`}
            >
              {entry.from === 'user' ? (
                <p>
                  <span className="visually-hidden">Vous : </span>
                  {entry.text}
                </p>
              ) : entry.from === 'error' ? (
                <p>
                  <span className="visually-hidden">Assistant : </span>
                  {entry.text}
                </p>
              ) : (
                <AssistantAnswer
                  response={entry.response}
                  onNavigate={closeDialog}
                  suggestions={
                    entry === lastAssistant && entry.response.suggestions.length > 0 ? (
                      <Suggestions
                        labelId={`${ids.starters}-${entry.id}`}
                        label="Autres questions"
                        items={entry.response.suggestions}
                        onPick={onSuggestion}
                      />
                    ) : null
                  }
                />
              )}
            </div>
          ))}

          {pending ? (
            <p className="assistant__pending" data-pending>
              <span className="assistant__dots" aria-hidden="true" />
              L'assistant cherche une réponse…
            </p>
          ) : null}
        </div>

        <form className="assistant__form" noValidate onSubmit={onSubmit}>
          <label htmlFor={ids.input} className="assistant__label">
            Votre question
          </label>
          <p id={ids.hint} className="assistant__hint">
            {chatbotCopy.privacyHint}
          </p>
          {inputError ? (
            <p id={ids.error} className="assistant__input-error">
              <span className="visually-hidden">Erreur : </span>
              {inputError}
            </p>
          ) : null}
          <div className="assistant__input-row">
            <input
              ref={inputRef}
              id={ids.input}
              type="text"
              className="assistant__input"
              value={question}
              maxLength={CHATBOT_QUESTION_MAX_LENGTH}
              autoComplete="off"
              enterKeyHint="send"
              aria-invalid={inputError ? true : undefined}
              aria-describedby={describedBy}
              onChange={(event) => {
                setQuestion(event.target.value);
                if (inputError) setInputError(null);
              }}
            />
            <button type="submit" className="button assistant__send" aria-disabled={pending || undefined}>
              Envoyer
            </button>
          </div>
        </form>

        <p className="assistant__help">
          Un conseiller au{' '}
          <a href={HELP_LINE.href} className="assistant__phone">
            {HELP_LINE.display}
          </a>{' '}
          ({HELP_LINE.hours}, {HELP_LINE.pricing}) ou{' '}
          <Link to={sections.contact.path} onClick={closeDialog}>
            Écrire à nos équipes
          </Link>
        </p>
      </div>
    </dialog>
  );
}

function AssistantAnswer({
  response,
  onNavigate,
  suggestions,
}: {
  response: AskChatbotResponse;
  onNavigate: () => void;
  suggestions: ReactNode;
}) {
  const { answer, fallback, warning } = response;
  const fallbackTel = fallback ? telHref(fallback.phone) : undefined;
  return (
    <>
      <span className="visually-hidden">Assistant : </span>
      {warning ? <p className="assistant__warning">{warning}</p> : null}
      {answer ? (
        <>
          <h3 className="assistant__answer-title">{answer.title}</h3>
          {answerBlocks(answer.text).map((block, index) =>
            block.kind === 'paragraph' ? (
              <p key={index}>{block.text}</p>
            ) : (
              <ul key={index} className="assistant__list">
                {block.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ),
          )}
          {answer.links.length > 0 ? (
            <ul className="assistant__links" aria-label="Liens utiles">
              {answer.links.map((link) => (
                <li key={link.href}>
                  <Link to={link.href} className="arrow-link" onClick={onNavigate}>
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {fallback ? (
        <div className="assistant__fallback">
          <p>{fallback.text}</p>
          <p className="assistant__fallback-actions">
            <Link to={fallback.contactHref} className="button button--secondary" onClick={onNavigate}>
              Nous contacter
            </Link>
            {fallbackTel ? (
              <a href={fallbackTel} className="assistant__phone">
                Appeler le {fallback.phone}
              </a>
            ) : (
              <span>{fallback.phone}</span>
            )}
          </p>
          <p className="assistant__fallback-hours">Conseillers {fallback.hours}.</p>
        </div>
      ) : null}
      {suggestions}
    </>
  );
}

function Suggestions({
  labelId,
  label,
  items,
  onPick,
}: {
  labelId: string;
  label: string;
  items: readonly string[];
  onPick: (question: string) => void;
}) {
  return (
    <div className="assistant__suggestions">
      <p id={labelId} className="assistant__suggestions-label">
        {label}
      </p>
      <ul className="assistant__chips" aria-labelledby={labelId}>
        {items.map((item) => (
          <li key={item}>
            <button type="button" className="assistant__chip" onClick={() => onPick(item)}>
              {item}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
