'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { formatCount, formatDate, formatNumber } from '@/components/format';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorSummary, type Problem } from '@/components/ui/error-summary';
import { InputField, SelectField } from '@/components/ui/field';
import { SectionHeading } from '@/components/ui/heading';
import { Notice } from '@/components/ui/notice';
import { Pagination } from '@/components/ui/pagination';
import { Panel } from '@/components/ui/panel';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { SecondaryButton } from '@/components/ui/secondary-button';
import {
  ColumnHeader,
  RowHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@/components/ui/table';
import { adminAuditCsvHref } from '@/lib/client/api-client';
import { useAdminAuditEvents } from '@/lib/client/hooks/use-admin-audit-events';
import {
  AUDIT_PAGE_SIZE,
  type AuditEventListResponse,
  type AuditEventQuery,
  type AuditFilterOptions,
  auditEventFilterSchema,
  auditEventQuerySchema,
  auditFilterSearchParams,
} from '@/lib/shared/schemas/admin';
import { queryObjectOf } from '@/lib/shared/schemas/metrics';
import { AuditDetails } from './audit-details';
import { describeAction, describeActor, describeEntity, describeEntityType, formatAdminTime } from './labels';

const FIELD_IDS = {
  from: 'audit-from',
  to: 'audit-to',
  action: 'audit-action',
  actorUserId: 'audit-actor',
  entityType: 'audit-entity-type',
};
type FilterField = keyof typeof FIELD_IDS;
const isFilterField = (name: string): name is FilterField => name in FIELD_IDS;
const FILTER_FIELDS = ['from', 'to', 'action', 'actorUserId', 'entityType'] as const;
const DEFAULT_QUERY: AuditEventQuery = { page: 1, pageSize: AUDIT_PAGE_SIZE };

function problemsOfIssues(issues: readonly { path: PropertyKey[]; message: string }[]): Problem[] {
  return issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    return { message: issue.message, fieldId: isFilterField(field) ? FIELD_IDS[field] : undefined };
  });
}

/** A date typed as dd/mm/yyyy (or d/m/yyyy) as YYYY-MM-DD, or null when it is not one. */
function toIsoDate(typed: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(typed);
  if (!match) return null;
  const [, day, month, year] = match;
  const iso = `${year}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** The page's query from the URL, or the defaults and what is wrong with the URL's. */
function readQuery(search: string): { query: AuditEventQuery; problems: Problem[] } {
  const parsed = auditEventQuerySchema.safeParse(queryObjectOf(new URLSearchParams(search)));
  return parsed.success
    ? { query: parsed.data, problems: [] }
    : { query: DEFAULT_QUERY, problems: problemsOfIssues(parsed.error.issues) };
}

interface AuditLogProps {
  initialQuery: AuditEventQuery;
  initialEvents: AuditEventListResponse;
  options: AuditFilterOptions;
}

/**
 * The audit log with its filters. The filters live in the URL (shareable, and the back button works); changing
 * them updates the URL without a page load, and the events for it are fetched.
 */
export function AuditLog({ initialQuery, initialEvents, options }: AuditLogProps) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const { query, problems: urlProblems } = readQuery(search);
  const events = useAdminAuditEvents(query, { query: initialQuery, data: initialEvents });
  const [formProblems, setFormProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const problems = formProblems.length > 0 ? formProblems : urlProblems;

  function go(params: URLSearchParams) {
    const text = params.toString();
    window.history.pushState(null, '', text ? `${pathname}?${text}` : pathname);
  }

  function handleFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const filter: Record<string, string> = Object.fromEntries(
      FILTER_FIELDS.flatMap((field) => {
        const value = String(data.get(field) ?? '').trim();
        return value === '' ? [] : [[field, value]];
      }),
    );
    setAttempt((count) => count + 1);
    const dateProblems: Problem[] = [];
    for (const [field, label] of [
      ['from', '“From”'],
      ['to', '“To”'],
    ] as const) {
      const typed = filter[field];
      if (typed === undefined) continue;
      const iso = toIsoDate(typed);
      if (iso) filter[field] = iso;
      else
        dateProblems.push({
          message: `Enter the ${label} date as dd/mm/yyyy, for example 01/04/2026`,
          fieldId: FIELD_IDS[field],
        });
    }
    if (dateProblems.length > 0) {
      setFormProblems(dateProblems);
      return;
    }
    const parsed = auditEventFilterSchema.safeParse(filter);
    if (!parsed.success) {
      setFormProblems(problemsOfIssues(parsed.error.issues));
      return;
    }
    setFormProblems([]);
    go(auditFilterSearchParams({ ...parsed.data, pageSize: query.pageSize }));
  }

  function handleClear() {
    setFormProblems([]);
    go(new URLSearchParams());
  }

  const pageHref = (page: number) => {
    const text = auditFilterSearchParams({ ...query, page }).toString();
    return text ? `${pathname}?${text}` : pathname;
  };
  const showPage = (page: number) => {
    go(auditFilterSearchParams({ ...query, page }));
    document.getElementById('audit-results-heading')?.scrollIntoView();
  };

  const data = events.data;
  const total = data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const first = (query.page - 1) * query.pageSize + 1;
  const last = Math.min(total, first + (data?.events.length ?? 0) - 1);
  const isLoading = events.isFetching && (events.isPlaceholderData || !data);
  const fieldError = (field: FilterField) =>
    problems.find((problem) => problem.fieldId === FIELD_IDS[field])?.message;

  return (
    <>
      <Panel aria-labelledby="audit-filters-heading">
        <SectionHeading id="audit-filters-heading">Filters</SectionHeading>
        <ErrorSummary problems={problems} attempt={attempt} />
        <form
          key={search}
          noValidate
          onSubmit={handleFilter}
          aria-labelledby="audit-filters-heading"
          className="max-w-4xl"
        >
          <div className="grid gap-x-6 sm:grid-cols-2">
            <InputField
              id={FIELD_IDS.from}
              fieldClassName="mb-6"
              name="from"
              label="From"
              hint="The first day included, for example 01/04/2026."
              inputMode="numeric"
              autoComplete="off"
              defaultValue={query.from ? formatDate(query.from) : ''}
              className="max-w-[12rem]!"
              error={fieldError('from')}
            />
            <InputField
              id={FIELD_IDS.to}
              fieldClassName="mb-6"
              name="to"
              label="To"
              hint="The last day included, for example 30/04/2026."
              inputMode="numeric"
              autoComplete="off"
              defaultValue={query.to ? formatDate(query.to) : ''}
              className="max-w-[12rem]!"
              error={fieldError('to')}
            />
            <SelectField
              id={FIELD_IDS.action}
              fieldClassName="mb-6"
              name="action"
              label="What happened"
              defaultValue={query.action ?? ''}
              error={fieldError('action')}
            >
              <option value="">Anything</option>
              {options.actions.map((action) => (
                <option key={action} value={action}>
                  {describeAction(action)} ({action})
                </option>
              ))}
            </SelectField>
            <SelectField
              id={FIELD_IDS.actorUserId}
              fieldClassName="mb-6"
              name="actorUserId"
              label="Who did it"
              defaultValue={query.actorUserId ? String(query.actorUserId) : ''}
              error={fieldError('actorUserId')}
            >
              <option value="">Anyone</option>
              {options.users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name} ({user.email})
                </option>
              ))}
            </SelectField>
            <SelectField
              id={FIELD_IDS.entityType}
              fieldClassName="mb-6"
              name="entityType"
              label="What it was about"
              defaultValue={query.entityType ?? ''}
              error={fieldError('entityType')}
            >
              <option value="">Anything</option>
              {options.entityTypes.map((entityType) => (
                <option key={entityType} value={entityType}>
                  {describeEntityType(entityType)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <Button type="submit">Apply filters</Button>
            <SecondaryButton onClick={handleClear}>Clear filters</SecondaryButton>
          </div>
        </form>
      </Panel>

      <Panel aria-labelledby="audit-results-heading" className="scroll-mt-6">
        <div className="mb-4 flex flex-wrap items-baseline justify-between gap-4">
          <SectionHeading id="audit-results-heading" className="mb-0">
            Events
          </SectionHeading>
          <a
            href={adminAuditCsvHref(query)}
            download
            className="font-bold"
            onClick={() => setTimeout(() => events.refetch(), 1000)}
          >
            Download CSV<span className="sr-only"> of the events matching these filters</span>
          </a>
        </div>
        {events.isError && (
          <Notice>
            <p className="mb-3">
              <strong>The audit log could not be loaded:</strong> {events.error.message}
            </p>
            <SecondaryButton onClick={() => events.refetch()}>Try again</SecondaryButton>
          </Notice>
        )}
        <p aria-live="polite" className="mb-6 max-w-3xl">
          {isLoading
            ? 'Loading events…'
            : total === 0
              ? ''
              : first > total
                ? `There is no page ${formatNumber(query.page)}: ${formatCount(total, 'event')} fit on ${formatCount(Math.ceil(total / query.pageSize), 'page')}.`
                : `Showing events ${formatNumber(first)} to ${formatNumber(last)} of ${formatNumber(total)}, newest first. Times are Europe/London.`}
        </p>
        {data && data.events.length === 0 && !isLoading ? (
          <EmptyState title={total === 0 ? 'No events match these filters' : 'No events on this page'}>
            <p>
              {total === 0 ? (
                'Try a wider date range, or clear the filters.'
              ) : (
                <Link
                  href={pageHref(1)}
                  prefetch={false}
                  onNavigate={(event) => {
                    event.preventDefault();
                    showPage(1);
                  }}
                >
                  Go to the first page
                </Link>
              )}
            </p>
          </EmptyState>
        ) : (
          data && (
            <div aria-busy={isLoading}>
              <ScrollRegion label="Audit events table">
                <Table caption="Audit events, newest first" isCaptionHidden>
                  <TableHead>
                    <TableRow>
                      <ColumnHeader>When</ColumnHeader>
                      <ColumnHeader>What happened</ColumnHeader>
                      <ColumnHeader>Who, and from where</ColumnHeader>
                      <ColumnHeader>About</ColumnHeader>
                      <ColumnHeader>Details</ColumnHeader>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {data.events.map((event) => (
                      <TableRow key={event.id}>
                        <RowHeader className="font-normal whitespace-nowrap">
                          <time dateTime={event.occurredAt}>{formatAdminTime(event.occurredAt)}</time>
                        </RowHeader>
                        <TableCell>
                          {describeAction(event.action)}
                          <span className="block font-mono text-[1rem] text-nhs-dark-grey">
                            {event.action}
                          </span>
                        </TableCell>
                        <TableCell className="break-words">
                          {describeActor(event.actor)}
                          {event.actor.kind === 'user' && event.actor.email && (
                            <span className="block text-nhs-dark-grey">{event.actor.email}</span>
                          )}
                          {event.ipAddress && (
                            <span className="block text-nhs-dark-grey">from {event.ipAddress}</span>
                          )}
                        </TableCell>
                        <TableCell className="whitespace-nowrap">
                          {event.entityType ? describeEntity(event.entityType, event.entityId) : '—'}
                        </TableCell>
                        <TableCell className="min-w-[16rem]">
                          <AuditDetails details={event.details} />
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </ScrollRegion>
            </div>
          )
        )}
        <Pagination
          label="Pages of events"
          page={query.page}
          pageCount={pageCount}
          hrefOf={pageHref}
          onNavigate={showPage}
        />
      </Panel>
    </>
  );
}
