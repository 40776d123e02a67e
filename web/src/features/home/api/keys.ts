/** Query keys of the home page, under the company (its counters are the selected company's). */
export const homeKeys = {
  summary: (companyId: string) => ['home', companyId, 'summary'] as const,
};
