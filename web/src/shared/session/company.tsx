import { createContext, use, useState, type ReactNode } from 'react';
import type { MeCompany } from './me';

/** Remembered per browser, so a user who manages several companies finds the last one again. */
export const SELECTED_COMPANY_KEY = 'ees.selectedCompanyId';

interface CompanyContextValue {
  companies: readonly MeCompany[];
  /** The company the pages work on; undefined only for a user with no company. */
  current: MeCompany | undefined;
  select: (companyId: string) => void;
}

const CompanyContext = createContext<CompanyContextValue>({
  companies: [],
  current: undefined,
  select: () => undefined,
});

function readStored(): string | null {
  try {
    return window.localStorage.getItem(SELECTED_COMPANY_KEY);
  } catch {
    // Storage may be disabled (privacy settings): the choice then lasts for the page only.
    return null;
  }
}

/** The selected company among the signed-in user's; a stale or foreign id falls back to the first. */
export function CompanyProvider({
  companies,
  children,
}: {
  companies: readonly MeCompany[];
  children: ReactNode;
}) {
  const [selectedId, setSelectedId] = useState(readStored);
  const current = companies.find((company) => company.companyId === selectedId) ?? companies[0];

  const select = (companyId: string) => {
    setSelectedId(companyId);
    try {
      window.localStorage.setItem(SELECTED_COMPANY_KEY, companyId);
    } catch {
      // See readStored.
    }
  };

  return <CompanyContext value={{ companies, current, select }}>{children}</CompanyContext>;
}

export const useCompanies = () => use(CompanyContext);
