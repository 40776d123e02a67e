/** The contract detail is a view of /contrats: `?contrat=<numéro>` (a contract number is not personal data). */
export const CONTRACT_PARAM = 'contrat';

export const contractDetailSearch = (contractNumber: string) =>
  `?${new URLSearchParams({ [CONTRACT_PARAM]: contractNumber }).toString()}`;
