import Link from 'next/link';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@/components/ui/table';
import type { ForReviewEntry } from '@/lib/server/reviews/for-review';
import type { JobPlanReviewSuggestion } from '@/lib/server/reviews/job-plan-suggestions';

const DAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const percent = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);
const ukMonth = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

/**
 * The escalation rules' "for review" list and the job-plan reviews the data suggests, for those who run reviews:
 * each with its evidence, month by month.
 */
export function ForReviewPanel({
  forReview,
  suggestions,
}: {
  forReview: ForReviewEntry[];
  suggestions: JobPlanReviewSuggestion[];
}) {
  return (
    <Panel aria-labelledby="for-review-heading">
      <SectionHeading id="for-review-heading">For review</SectionHeading>
      {forReview.length === 0 ? (
        <p className="mb-6">No consultant meets the trust’s escalation rules for the last complete months.</p>
      ) : (
        <Table caption="Consultants for review, with each month of the run" isCaptionHidden>
          <TableHead>
            <TableRow>
              <ColumnHeader>Consultant</ColumnHeader>
              <ColumnHeader>Why</ColumnHeader>
              <ColumnHeader>Months (fulfilment net · total delivery)</ColumnHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {forReview.map((entry) => (
              <TableRow key={`${entry.consultantId}-${entry.rule}`}>
                <TableCell>
                  <Link href={`/consultants/${entry.consultantId}`}>{entry.name}</Link>
                </TableCell>
                <TableCell>
                  {entry.rule === 'low_fulfilment'
                    ? 'Fulfilment below the threshold'
                    : 'Total delivery above the threshold'}{' '}
                  for {entry.months} months
                </TableCell>
                <TableCell>
                  {entry.evidence
                    .map(
                      (month) =>
                        `${ukMonth(month.month)}: ${percent(month.fulfilmentNet)} · ${percent(month.totalDelivery)}`,
                    )
                    .join('; ')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <h3 className="mt-8 mb-3 text-[1.375rem] font-bold">Job-plan reviews suggested</h3>
      {suggestions.length === 0 ? (
        <p>No job-plan line has been delivered consistently differently from the plan.</p>
      ) : (
        <Table caption="Job-plan lines delivered consistently differently from the plan" isCaptionHidden>
          <TableHead>
            <TableRow>
              <ColumnHeader>Consultant</ColumnHeader>
              <ColumnHeader>Line</ColumnHeader>
              <ColumnHeader>Evidence (held of planned, net of leave)</ColumnHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {suggestions.map((row) => (
              <TableRow key={`${row.jobPlanActivityId}-${row.rule}`}>
                <TableCell>
                  <Link href={`/consultants/${row.consultantId}`}>{row.name}</Link>
                </TableCell>
                <TableCell>
                  {row.activityType.replaceAll('_', ' ')}
                  {row.dayOfWeek ? `, ${DAYS[row.dayOfWeek]} ${row.period ?? ''}` : ''}:{' '}
                  {row.rule === 'sessions_under_half'
                    ? `under half its sessions held for ${row.months} months`
                    : `under half its expected ${row.expectedOutput} patients a session for ${row.months} months`}
                </TableCell>
                <TableCell>
                  {row.evidence
                    .map(
                      (month) =>
                        `${ukMonth(month.month)}: ${month.delivered} of ${month.planned - month.onLeave}${
                          month.patientsPerSession === null
                            ? ''
                            : `, ${month.patientsPerSession.toFixed(1)} a session`
                        }`,
                    )
                    .join('; ')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Panel>
  );
}
