import {
  DOCUMENT_CATEGORY_LABELS,
  documentCategory,
  type DocumentCategory,
} from '../../../../../functions/contracts/documents';
import { isApiError, messageForStatus } from '../../../shared/api';
import { Page } from '../../../shared/components/Page';
import { IconAlert, IconContract } from '../../../shared/components/icons';
import { formatDate, formatFileSize } from '../../../shared/format';
import { sections } from '../../../shared/sections';
import { useDocuments, type DocumentSummary } from '../api/documents-api';
import { DownloadDocumentButton } from '../components/DownloadDocumentButton';
import '../documents.css';

/** "Mes documents pratiques": the guide's two groups, each document with its size, date and download. */
export function DocumentsPage() {
  const documents = useDocuments();

  return (
    <Page title={sections.documents.title} lead={sections.documents.summary}>
      {documents.isPending ? (
        <p className="doc-status" role="status">
          Chargement des documents…
        </p>
      ) : documents.isError ? (
        <div className="doc-error" role="alert">
          <IconAlert className="doc-error__icon" />
          <div>
            <p className="doc-error__title">Les documents n'ont pas pu être chargés.</p>
            <p>{isApiError(documents.error) ? documents.error.message : messageForStatus(500)}</p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void documents.refetch()}
            >
              Réessayer
            </button>
          </div>
        </div>
      ) : (
        documentCategory.options.map((category) => (
          <CategorySection
            key={category}
            category={category}
            items={documents.data.items.filter((item) => item.category === category)}
          />
        ))
      )}
    </Page>
  );
}

function CategorySection({ category, items }: { category: DocumentCategory; items: DocumentSummary[] }) {
  const headingId = `documents-${category}`;
  return (
    <section className="doc-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{DOCUMENT_CATEGORY_LABELS[category]}</h2>
      {items.length === 0 ? (
        <p className="doc-empty">Aucun document n'est disponible dans cette catégorie pour le moment.</p>
      ) : (
        <ul className="doc-list">
          {items.map((item) => (
            <li key={item.id} className="doc-card">
              <IconContract className="doc-card__icon" />
              <div className="doc-card__body">
                <h3 className="doc-card__title">{item.title}</h3>
                <p className="doc-card__description">{item.description}</p>
                <p className="doc-card__meta">
                  PDF · {formatFileSize(item.size)} · mis à jour le{' '}
                  <time dateTime={item.updatedAt}>{formatDate(item.updatedAt)}</time>
                </p>
              </div>
              <DownloadDocumentButton document={item} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
