import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  CONTACT_MOTIFS,
  contactMotif,
  sendContactMessageRequest,
} from '../../../../../functions/contracts/contact';
import { ApiError, isApiError } from '../../../shared/api';
import { formatSiret } from '../../../shared/format';
import { FormAlert, FormSuccess, SubmitButton } from '../../../shared/forms/FormAlert';
import { TextField } from '../../../shared/forms/fields';
import { applyServerError, formError, type FormError } from '../../../shared/forms/server-errors';
import { useSingleFlight } from '../../../shared/forms/use-single-flight';
import { z } from '../../../shared/forms/zod';
import type { MeCompany } from '../../../shared/session/me';
import { contactKeys, sendContactMessage, type ContactMessage } from '../api/contact-api';
import { attachmentIndex } from '../lib/attachments';
import { AttachmentsField } from './AttachmentsField';
import { SelectField, TextAreaField, type OptionGroup } from './fields';
import { useAttachments } from './use-attachments';

const { subject, message } = sendContactMessageRequest.shape;
// The select starts empty (''), which the contract's enum then refuses with its own message.
const contactForm = z.object({ motif: z.string().pipe(contactMotif), subject, message });
const FIELDS = ['motif', 'subject', 'message'] as const;

/** The guide's motif tree: "Gérer mon contrat" and "Gérer mes salariés", each with its motifs. */
const MOTIF_GROUPS: OptionGroup[] = Object.entries(CONTACT_MOTIFS).reduce<OptionGroup[]>(
  (groups, [value, motif]) => {
    const group = groups.find((candidate) => candidate.label === motif.group);
    const option = { value, label: motif.label };
    if (group) return groups.map((g) => (g === group ? { ...g, options: [...g.options, option] } : g));
    return [...groups, { label: motif.group, options: [option] }];
  },
  [],
);

const UPLOADS_NOT_READY =
  'Une pièce jointe n’a pas pu être envoyée ou a été refusée : retirez-la (ou réessayez son envoi) avant d’envoyer votre message.';

const newRequestId = () => crypto.randomUUID();

/** "Nous contacter": motif, objet, message and up to four files, sent once whatever the retries. */
export function ContactForm({ company }: { company: MeCompany }) {
  const queryClient = useQueryClient();
  // One per message written: a retry after a lost answer sends the same message, not a second.
  const [requestId, setRequestId] = useState(newRequestId);
  const [error, setError] = useState<FormError | null>(null);
  const [sent, setSent] = useState<ContactMessage | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const files = useAttachments(company.companyId);
  const form = useForm({
    resolver: zodResolver(contactForm),
    defaultValues: { motif: '', subject: '', message: '' },
  });
  const { errors } = form.formState;

  const [submit, pending] = useSingleFlight(
    form.handleSubmit(async (values) => {
      setError(null);
      const attachments = await files.settled();
      if (attachments.some((item) => item.status !== 'uploaded' || !item.uploadId)) {
        setError(formError(UPLOADS_NOT_READY));
        return;
      }
      try {
        const result = await sendContactMessage(company.companyId, {
          requestId,
          motif: values.motif,
          subject: values.subject,
          message: values.message,
          attachments: attachments.map((item) => item.uploadId!),
        });
        void queryClient.invalidateQueries({ queryKey: contactKeys.messages(company.companyId) });
        setSent(result);
      } catch (caught) {
        setError(
          placeServerError(
            caught,
            attachments.map((item) => item.key),
          ),
        );
      }
    }),
  );

  /** Each `attachments.N` message goes next to the N-th file sent; the rest as on any form. */
  const placeServerError = (caught: unknown, sentKeys: string[]): FormError => {
    if (!isApiError(caught)) return applyServerError(caught, form.setError, FIELDS);
    const otherFields: Record<string, string> = {};
    const refusals: { key: string; message: string }[] = [];
    for (const [field, text] of Object.entries(caught.fields ?? {})) {
      const index = attachmentIndex(field);
      const key = index === undefined ? undefined : sentKeys[index];
      if (key) refusals.push({ key, message: text });
      else otherFields[field] = text;
    }
    files.refuse(refusals);
    const rest = new ApiError(caught.status, caught.code, caught.message, otherFields);
    return applyServerError(rest, form.setError, FIELDS);
  };

  const startOver = () => {
    form.reset();
    files.clear();
    setRequestId(newRequestId());
    setSent(null);
    setError(null);
    window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('select')?.focus());
  };

  if (sent) {
    return (
      <div className="contact-sent">
        <FormSuccess title="Votre message a été envoyé">
          <p>
            Référence : <strong className="nowrap">{sent.reference}</strong>. Un accusé de réception vous est
            adressé par e-mail ; nos équipes vous répondront par e-mail.
          </p>
          {sent.attachments.length > 0 ? (
            <p>
              {sent.attachments.length === 1 ? 'Pièce jointe transmise' : 'Pièces jointes transmises'} :{' '}
              {sent.attachments.map((file) => file.fileName).join(', ')}.
            </p>
          ) : null}
        </FormSuccess>
        <p>
          <button type="button" className="button button--secondary" onClick={startOver}>
            Écrire un nouveau message
          </button>
        </p>
      </div>
    );
  }

  return (
    <>
      <FormAlert error={error} />
      <form
        ref={formRef}
        className="form contact-form"
        noValidate
        onSubmit={submit}
        aria-label="Écrire à nos équipes"
      >
        <p className="form__intro">
          Votre message concerne l’entreprise <strong>{company.name}</strong> (SIRET{' '}
          {formatSiret(company.mainSiret)}). Les champs sont obligatoires, sauf les pièces jointes.
        </p>
        <SelectField
          label="Motif de votre demande"
          placeholder="Choisissez un motif"
          groups={MOTIF_GROUPS}
          aria-required
          registration={form.register('motif')}
          error={errors.motif?.message}
        />
        <TextField
          label="Objet"
          hint="En quelques mots, par exemple : Documents pour l’affiliation de Paul Durand."
          maxLength={150}
          aria-required
          registration={form.register('subject')}
          error={errors.subject?.message}
        />
        <TextAreaField
          label="Votre message"
          hint="5 000 caractères au plus. N’y indiquez pas de numéro de sécurité sociale ni de coordonnées bancaires : joignez plutôt les documents."
          rows={8}
          maxLength={5000}
          className="contact-form__message"
          aria-required
          registration={form.register('message')}
          error={errors.message?.message}
        />
        <AttachmentsField
          attachments={files.attachments}
          rejected={files.rejected}
          announcement={files.announcement}
          onAdd={files.add}
          onRemove={files.remove}
          onRetry={files.retry}
        />
        <div className="form__actions">
          <SubmitButton pending={pending} pendingLabel="Envoi du message en cours…">
            Envoyer mon message
          </SubmitButton>
        </div>
      </form>
    </>
  );
}
