import type { Metadata } from 'next';
import { connection } from 'next/server';
import { defaultPeriod, readViewFilters } from '@/components/consultant/view-filters';
import { DataQualitySection } from '@/components/data-quality/data-quality-section';
import { type SourceRow, SourceRowsTable } from '@/components/data-quality/source-rows-table';
import { formatDate, formatNumber } from '@/components/format';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@/components/ui/table';
import { getPageCaller } from '@/lib/server/api/caller';
import { getDatabase } from '@/lib/server/db';
import { getMetricContext } from '@/lib/server/metrics/context';
import { getDataQualityReport, type DataQualitySection as Section } from '@/lib/server/metrics/data-quality';

export const metadata: Metadata = { title: 'Data quality' };

const PAGE_SIZE = 50;
const SECTIONS = ['unknown', 'noPlan', 'duplicates', 'timestamps'] as const satisfies readonly Section[];

interface DataQualityPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function pageNumber(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  const page = raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.max(1, page);
}

function todayInLondon(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

export default async function DataQualityPage({ searchParams }: DataQualityPageProps) {
  await connection();
  const caller = await getPageCaller('data-quality:view', '/data-quality');
  const database = await getDatabase();
  const query = await searchParams;
  const context = await getMetricContext(database, caller.organisationId);
  const fallback = defaultPeriod(context.coverage, todayInLondon());
  const { period, problem } = readViewFilters({ from: query.from, to: query.to }, fallback);
  const pages = Object.fromEntries(
    SECTIONS.map((section) => [section, pageNumber(query[section])]),
  ) as Record<Section, number>;
  const offsetOf = (section: Section) => (pages[section] - 1) * PAGE_SIZE;
  const { counts, unknown, noPlan, duplicates, timestamps } = await getDataQualityReport(
    database,
    caller.organisationId,
    period,
    Object.fromEntries(SECTIONS.map((section) => [section, { limit: PAGE_SIZE, offset: offsetOf(section) }])),
  );
  const periodLabel = `${formatDate(period.from)} to ${formatDate(period.to)}`;

  const hrefFor = (section: Section, page: number) => {
    const params = new URLSearchParams({ from: period.from, to: period.to });
    for (const other of SECTIONS) {
      const value = other === section ? page : pages[other];
      if (value > 1) params.set(other, String(value));
    }
    return `/data-quality?${params.toString()}`;
  };
  const paging = (section: Section, total: number, shown: number) => ({
    offset: offsetOf(section),
    shown,
    total,
    previousHref: pages[section] > 1 ? hrefFor(section, pages[section] - 1) : null,
    nextHref: offsetOf(section) + shown < total ? hrefFor(section, pages[section] + 1) : null,
  });

  const unknownRows: SourceRow[] = unknown.rows.map((row) => ({
    ...row,
    key: `${row.category}-${row.sourceId}`,
    sourceIds: [row.sourceId],
  }));
  const noPlanRows: SourceRow[] = noPlan.rows.map((row, index) => ({
    ...row,
    key: `${row.category}-${row.sourceId}-${row.period}-${index}`,
    sourceIds: [row.sourceId],
  }));
  const duplicateRows: SourceRow[] = duplicates.rows.map((row) => ({
    ...row,
    key: `${row.category}-${row.sourceIds.join('-')}`,
    note: `${formatNumber(row.sourceIds.length)} records`,
  }));
  const timestampRows: SourceRow[] = timestamps.rows.map((row) => ({
    ...row,
    key: `${row.category}-${row.sourceId}`,
    sourceIds: [row.sourceId],
    note: row.missing.join(', '),
  }));

  return (
    <>
      <PageHeader title="Data quality">
        <p>
          Faults in the imported extracts that make the numbers less reliable, with the rows behind each,
          named by the source system’s ids so they can be fixed at source and re-imported. {periodLabel}.
        </p>
      </PageHeader>
      {problem && (
        <Notice>
          <p>{problem}</p>
        </Notice>
      )}
      <form
        method="get"
        action="/data-quality"
        className="mb-8 flex flex-wrap items-end gap-4 bg-nhs-white p-4"
      >
        <div>
          <label htmlFor="dq-from" className="block font-bold">
            From
          </label>
          <input
            id="dq-from"
            name="from"
            type="date"
            defaultValue={period.from}
            className="border-2 border-nhs-black p-2"
          />
        </div>
        <div>
          <label htmlFor="dq-to" className="block font-bold">
            To
          </label>
          <input
            id="dq-to"
            name="to"
            type="date"
            defaultValue={period.to}
            className="border-2 border-nhs-black p-2"
          />
        </div>
        <button
          type="submit"
          className="bg-nhs-green px-4 py-2 font-bold text-nhs-white shadow-[0_4px_0_#00401e] focus:bg-nhs-yellow focus:text-nhs-black"
        >
          Apply
        </button>
      </form>

      <DataQualitySection
        id="unknown"
        title="Activity with an unknown consultant"
        metricId="unknownConsultantSessions"
        count={counts.unknownConsultantSessions}
        countLabel="clinic sessions and lists whose GMC number matches no consultant"
        periodLabel={periodLabel}
        description={
          <>
            <p>
              These sessions count for no one. Add the consultant to the consultants extract, or correct the
              GMC number in the clinic or theatre system, and re-import.
            </p>
            {counts.unknownGmcNumbers.length > 0 && (
              <Table caption="Unknown GMC numbers, most sessions first">
                <TableHead>
                  <TableRow>
                    <ColumnHeader>GMC number</ColumnHeader>
                    <ColumnHeader align="end">Sessions</ColumnHeader>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {counts.unknownGmcNumbers.slice(0, 10).map((entry) => (
                    <TableRow key={entry.gmcNumber}>
                      <TableCell>{entry.gmcNumber}</TableCell>
                      <TableCell align="end">{formatNumber(entry.sessions)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        }
        {...paging('unknown', unknown.total, unknownRows.length)}
      >
        <SourceRowsTable caption="Sessions with an unknown consultant" rows={unknownRows} />
      </DataQualitySection>

      <DataQualitySection
        id="noPlan"
        title="Sessions with no job plan"
        metricId="sessionsWithoutPlan"
        count={counts.sessionsWithoutPlan}
        countLabel="held sessions of consultants with no job plan in force on the day"
        periodLabel={periodLabel}
        description={
          <p>
            Every one counts as additional, and the consultant’s fulfilment cannot be worked out. Import the
            job plan that was in force (an all-day list appears as its two half-day sessions).
          </p>
        }
        {...paging('noPlan', noPlan.total, noPlanRows.length)}
      >
        <SourceRowsTable caption="Sessions with no job plan" rows={noPlanRows} />
      </DataQualitySection>

      <DataQualitySection
        id="duplicates"
        title="Sessions recorded more than once"
        metricId="duplicateSessions"
        count={counts.duplicateSessions}
        countLabel={`extra records, in ${formatNumber(duplicates.total)} groups with the same consultant, date, period and clinic or theatre`}
        periodLabel={periodLabel}
        description={
          <p>
            The ledger pairs one record with the plan and counts the others as additional sessions. Remove the
            duplicates in the source system, or confirm they are separate sessions.
          </p>
        }
        {...paging('duplicates', duplicates.total, duplicateRows.length)}
      >
        <SourceRowsTable
          caption="Sessions recorded more than once"
          rows={duplicateRows}
          noteHeader="Records"
        />
      </DataQualitySection>

      <DataQualitySection
        id="timestamps"
        title="Held lists missing timestamps"
        metricId="missingTimestamps"
        count={counts.missingTimestamps}
        countLabel="held theatre or endoscopy lists without an actual start, actual end or touch time"
        periodLabel={periodLabel}
        description={
          <p>
            Theatre utilisation, late starts and early finishes leave these lists out. Record the times in the
            theatre system and re-import.
          </p>
        }
        {...paging('timestamps', timestamps.total, timestampRows.length)}
      >
        <SourceRowsTable caption="Held lists missing timestamps" rows={timestampRows} noteHeader="Missing" />
      </DataQualitySection>
    </>
  );
}
