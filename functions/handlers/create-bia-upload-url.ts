import { httpRoute, respond } from '../runtime/http';
import { createBiaUploadRequest } from '../contracts/affiliation';
import { biaPorts } from '../adapters/bia-ports';
import { createBiaUpload } from '../use-cases/affiliation/bia';

export const handler = httpRoute('createBiaUploadUrl', {
  body: createBiaUploadRequest,
  run: async ({ body, employeeLink }) =>
    respond({ status: 201, body: await createBiaUpload(biaPorts())(employeeLink!, body) }),
});
