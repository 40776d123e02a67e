import { httpRoute } from '../runtime/http';
import { contractParams, getContractQuery } from '../contracts/employees';
import { employeePorts } from '../adapters/employee-ports';
import { getContract } from '../use-cases/employees/employees';

export const handler = httpRoute('getContract', {
  params: contractParams,
  query: getContractQuery,
  run: ({ params, query }) => getContract(employeePorts())(params.companyId, params.contractNumber, query),
});
