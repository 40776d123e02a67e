import { httpRoute, respond } from '../runtime/http';
import { contactParams, createContactUploadRequest } from '../contracts/contact';
import { contactPorts } from '../adapters/contact-ports';
import { createContactUpload } from '../use-cases/contact/contact';

export const handler = httpRoute('createContactUploadUrl', {
  params: contactParams,
  body: createContactUploadRequest,
  run: async ({ params, body, principal }) =>
    respond({
      status: 201,
      body: await createContactUpload(contactPorts())({
        ...body,
        companyId: params.companyId,
        userId: principal!.userId,
      }),
    }),
});
