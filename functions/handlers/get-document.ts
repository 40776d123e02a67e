import { httpRoute } from '../runtime/http';
import { documentParams } from '../contracts/documents';
import { documentPorts } from '../use-cases/documents/documents-ports';
import { getDocument } from '../use-cases/documents/documents';

export const handler = httpRoute('getDocument', {
  params: documentParams,
  run: ({ params }) => getDocument(documentPorts())(params.documentId),
});
