import { CONTACT_MOTIFS, CONTACT_STATUS_LABELS } from '../../../../../functions/contracts/contact';
import { isApiError, messageForStatus } from '../../../shared/api';
import { formatDateTime, formatFileSize } from '../../../shared/format';
import { useContactMessages } from '../api/contact-api';

/** "Mes messages": what this user sent about this company, newest first, with its delivery status. */
export function MyMessages({ companyId }: { companyId: string }) {
  const messages = useContactMessages(companyId);

  if (messages.isPending) {
    return (
      <p className="contact-muted" role="status">
        Chargement de vos messages…
      </p>
    );
  }
  if (messages.isError) {
    return (
      <div className="contact-error" role="alert">
        <p>
          Vos messages n’ont pas pu être chargés :{' '}
          {isApiError(messages.error) ? messages.error.message : messageForStatus(500)}
        </p>
        <button type="button" className="button button--secondary" onClick={() => void messages.refetch()}>
          Réessayer
        </button>
      </div>
    );
  }
  if (messages.data.items.length === 0) {
    return <p className="contact-muted">Vous n’avez pas encore envoyé de message depuis cet espace.</p>;
  }
  return (
    <div className="table-wrap">
      <table className="table table--stack contact-messages">
        <caption className="visually-hidden">
          Mes messages envoyés à nos équipes, du plus récent au plus ancien
        </caption>
        <thead>
          <tr>
            <th scope="col">Référence</th>
            <th scope="col">Envoyé le</th>
            <th scope="col">Motif</th>
            <th scope="col">Objet</th>
            <th scope="col">Pièces jointes</th>
            <th scope="col">Statut</th>
          </tr>
        </thead>
        <tbody>
          {messages.data.items.map((item) => {
            const motif = CONTACT_MOTIFS[item.motif];
            return (
              <tr key={item.messageId}>
                <th scope="row" className="nowrap">
                  {item.reference}
                </th>
                <td data-label="Envoyé le" className="nowrap">
                  {formatDateTime(item.sentAt)}
                </td>
                <td data-label="Motif">
                  {motif.group} › {motif.label}
                </td>
                <td data-label="Objet">{item.subject}</td>
                <td data-label="Pièces jointes">
                  {item.attachments.length === 0 ? (
                    'Aucune'
                  ) : (
                    <ul className="contact-messages__files">
                      {item.attachments.map((file, index) => (
                        <li key={`${file.fileName}-${index}`}>
                          {file.fileName} <span className="contact-muted">({formatFileSize(file.size)})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td data-label="Statut">
                  <span className={`contact-status contact-status--${item.status}`}>
                    {CONTACT_STATUS_LABELS[item.status]}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
