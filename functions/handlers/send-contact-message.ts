import { httpRoute, respond } from '../runtime/http';
import { contactParams, sendContactMessageRequest } from '../contracts/contact';
import { contactPorts } from '../adapters/contact-ports';
import { sendContactMessage } from '../use-cases/contact/contact';

export const handler = httpRoute('sendContactMessage', {
  params: contactParams,
  body: sendContactMessageRequest,
  run: async ({ params, body, principal }) =>
    respond({
      status: 201,
      body: await sendContactMessage(contactPorts())({
        ...body,
        companyId: params.companyId,
        userId: principal!.userId,
      }),
    }),
});
