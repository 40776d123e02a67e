import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Suspense, useRef, type ReactNode, type RefObject } from 'react';
import { LoadingMessage, LoadMoreButton, QueryError } from '../../features/employees/components/feedback';
import { useLoadMoreFocus } from '../../features/employees/components/use-load-more-focus';

/** A list read page after page ("Charger plus" follows the API's cursor). */
type PagedQuery<Item> = UseInfiniteQueryResult<InfiniteData<{ items: Item[] }>>;

export interface PagedList<Item> {
  query: PagedQuery<Item>;
  /** Every row loaded so far. */
  items: Item[];
  more: boolean;
  /** Another filter is loading while the previous rows stay on screen. */
  switching: boolean;
  resultsRef: RefObject<HTMLParagraphElement | null>;
  tableRef: RefObject<HTMLDivElement | null>;
  /** Where the focus goes after an action on the row `rowId`: the row, or the results line once it left. */
  rowOrResults: (rowId: string | undefined) => HTMLElement | null;
}

/** The state of a paged list page: its rows so far and the places the focus returns to. */
export function usePagedList<Item>(query: PagedQuery<Item>): PagedList<Item> {
  const resultsRef = useRef<HTMLParagraphElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const rowOrResults = (rowId: string | undefined) =>
    (rowId ? document.querySelector<HTMLElement>(`[data-employee-row="${CSS.escape(rowId)}"]`) : null) ??
    resultsRef.current;
  return {
    query,
    items,
    more: Boolean(query.hasNextPage),
    switching: query.isFetching && !query.isFetchingNextPage && query.isPlaceholderData,
    resultsRef,
    tableRef,
    rowOrResults,
  };
}

interface PagedResultsProps<Item> {
  list: PagedList<Item>;
  /** The confirmation of the last action (a live region, empty in between). */
  notice: string;
  /** What the results line says once the rows are there ("3 anomalies"). */
  announcement: string;
  copy: { listError: string; loadingList: string; moreError: string };
  /** "Charger plus d'anomalies": what the button adds, for screen readers. */
  subject: string;
  empty: string;
  /** The table of `list.items`. */
  children: ReactNode;
}

/** Below a list's filters: the notice, the results line, the rows, errors and "Charger plus". */
export function PagedResults<Item>({
  list,
  notice,
  announcement,
  copy,
  subject,
  empty,
  children,
}: PagedResultsProps<Item>) {
  const { query, items, more, switching, resultsRef, tableRef } = list;
  const focusNewRows = useLoadMoreFocus(tableRef, items.length, query.isFetchingNextPage, resultsRef);

  let status = '';
  if (switching) status = 'Chargement…';
  else if (query.data) status = announcement;

  return (
    <>
      <p className="list-notice" role="status">
        {notice}
      </p>
      <p ref={resultsRef} className="emp-results" role="status" tabIndex={-1}>
        {status}
      </p>

      {query.isError && !query.data ? (
        <QueryError title={copy.listError} error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      {query.isPending ? <LoadingMessage>{copy.loadingList}</LoadingMessage> : null}

      {query.data ? (
        items.length > 0 ? (
          <div
            ref={tableRef}
            className={switching ? 'emp-stale' : undefined}
            aria-busy={switching || undefined}
          >
            {children}
          </div>
        ) : more ? null : (
          <div className="emp-empty">
            <p>{empty}</p>
          </div>
        )
      ) : null}

      {query.isError && query.data ? <QueryError title={copy.moreError} error={query.error} /> : null}
      {more ? (
        <LoadMoreButton
          subject={subject}
          pending={query.isFetchingNextPage}
          onLoad={() => {
            focusNewRows();
            void query.fetchNextPage();
          }}
        />
      ) : null}
    </>
  );
}

/** A dialog loaded on the first click: a status says it is opening meanwhile. */
export function LazyDialog({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <span className="visually-hidden" role="status">
          Ouverture…
        </span>
      }
    >
      {children}
    </Suspense>
  );
}
