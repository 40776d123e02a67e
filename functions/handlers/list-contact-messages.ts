import { httpRoute } from '../runtime/http';
import { contactParams } from '../contracts/contact';
import { contactPorts } from '../adapters/contact-ports';
import { listContactMessages } from '../use-cases/contact/contact';

export const handler = httpRoute('listContactMessages', {
  params: contactParams,
  run: async ({ params, principal }) => ({
    items: await listContactMessages(contactPorts())(params.companyId, principal!.userId),
    cursor: null,
  }),
});
