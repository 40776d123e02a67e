import '../../../shared/forms/zod';
import { exportEmployeesResponse } from '../../../../../functions/contracts/employees';
import { api } from '../../../shared/api';
import type { EmployeeQuery } from '../lib/filters';

/**
 * POST /companies/{companyId}/employees/export — route `exportEmployees`: a CSV of the list as
 * filtered on screen, every page of it (the server streams it to a file and answers a link).
 */
export const exportEmployees = (companyId: string, query: EmployeeQuery) =>
  api.post(`/companies/${encodeURIComponent(companyId)}/employees/export`, query, exportEmployeesResponse);
