import '../../../shared/forms/zod';
import { useQuery } from '@tanstack/react-query';
import {
  getDocumentResponse,
  listDocumentsResponse,
  type DocumentSummary,
} from '../../../../../functions/contracts/documents';
import { api } from '../../../shared/api';

export type { DocumentSummary };

export const documentKeys = { list: ['documents', 'list'] as const };

/** GET /documents — route `listDocuments`: every published document, both categories. */
export const listDocuments = (signal?: AbortSignal) =>
  api.get('/documents', undefined, listDocumentsResponse, { signal });

/** POST /documents/{documentId}/download — route `getDocument`: a link valid a few minutes. */
export const getDocumentDownload = (documentId: string) =>
  api.post(`/documents/${encodeURIComponent(documentId)}/download`, undefined, getDocumentResponse);

export const useDocuments = () =>
  useQuery({
    queryKey: documentKeys.list,
    queryFn: ({ signal }) => listDocuments(signal),
    // Documents change when a new version is published, not during a visit.
    staleTime: 10 * 60_000,
  });
