import { httpRoute } from '../runtime/http';
import { documentPorts } from '../use-cases/documents/documents-ports';
import { listDocuments } from '../use-cases/documents/documents';

export const handler = httpRoute('listDocuments', {
  run: () => listDocuments(documentPorts())(),
});
