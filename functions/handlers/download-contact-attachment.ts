import { httpRoute, respond } from '../runtime/http';
import { attachmentTokenParams } from '../contracts/contact';
import { contactPorts } from '../adapters/contact-ports';
import { attachmentDownload } from '../use-cases/contact/contact';

export const handler = httpRoute('downloadContactAttachment', {
  params: attachmentTokenParams,
  run: async ({ params }) =>
    respond({ status: 302, headers: { location: await attachmentDownload(contactPorts())(params.token) } }),
});
