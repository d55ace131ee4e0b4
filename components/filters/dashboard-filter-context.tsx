'use client';

import { useSearchParams } from 'next/navigation';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import {
  type DashboardFilter,
  type DivisionOption,
  readDashboardFilter,
  searchParamsObject,
} from './dashboard-filter';

interface DashboardFilterContextValue {
  lastCoveredDate: string | null;
  /** Where the ledger starts (how far back a baseline can reach, and what a period has of the extracts). */
  firstCoveredDate?: string | null;
  divisions: readonly DivisionOption[];
}

const DashboardFilterContext = createContext<DashboardFilterContextValue>({
  lastCoveredDate: null,
  firstCoveredDate: null,
  divisions: [],
});

/**
 * What the client needs to read the filters from the URL as the server did (the ledger's end and the divisions),
 * and to offer baselines (the ledger's start).
 */
export function DashboardFilterProvider({
  lastCoveredDate,
  firstCoveredDate = null,
  divisions,
  children,
}: DashboardFilterContextValue & { children: ReactNode }) {
  const value = useMemo(
    () => ({ lastCoveredDate, firstCoveredDate, divisions }),
    [lastCoveredDate, firstCoveredDate, divisions],
  );
  return <DashboardFilterContext.Provider value={value}>{children}</DashboardFilterContext.Provider>;
}

/** The last date the ledger covers, or null before the first import. */
export function useLastCoveredDate(): string | null {
  return useContext(DashboardFilterContext).lastCoveredDate;
}

/** The first date the ledger covers, or null (no data yet, or a page that does not say). */
export function useFirstCoveredDate(): string | null {
  return useContext(DashboardFilterContext).firstCoveredDate ?? null;
}

/** The divisions the caller may filter by. */
export function useDivisionOptions(): readonly DivisionOption[] {
  return useContext(DashboardFilterContext).divisions;
}

/**
 * The dashboard filters in the URL. The filter bar changes the URL with the History API (no server round trip),
 * so every widget reading this hook re-renders with the new filters and refetches its numbers.
 */
export function useDashboardFilter(): DashboardFilter {
  const { lastCoveredDate, divisions } = useContext(DashboardFilterContext);
  const search = useSearchParams().toString();
  return useMemo(
    () => readDashboardFilter(searchParamsObject(new URLSearchParams(search)), lastCoveredDate, divisions),
    [search, lastCoveredDate, divisions],
  );
}
