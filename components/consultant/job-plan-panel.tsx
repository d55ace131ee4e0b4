import { ExportButtons } from '@/components/export/export-buttons';
import { formatDate, formatNumber } from '@/components/format';
import { EmptyState } from '@/components/ui/empty-state';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@/components/ui/table';
import type { JobPlanLine, JobPlanVersion } from '@/lib/server/dal/job-plans';
import type { JobPlanStatusAt } from '@/lib/server/metrics/job-plan-currency';
import { activityTypeLabel, PERIOD_LABELS } from './outcomes';

const DAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** What each job-plan status short of current means, and what to do about it. */
export const CURRENCY_WARNINGS: Record<
  Exclude<JobPlanStatusAt, 'current'>,
  { title: string; action: string }
> = {
  review_overdue: {
    title: 'Job plan review overdue',
    action: 'The plan in force was agreed more than the review interval ago. Book a job plan review.',
  },
  draft_only: {
    title: 'Only a draft job plan',
    action:
      'The plan in force has not been agreed. Agree it in the job planning tool, then re-import job plans.',
  },
  expired: {
    title: 'Job plan expired',
    action: 'No job plan is in force on this date. Agree a new plan and re-import job plans.',
  },
  missing: {
    title: 'No job plan recorded',
    action: 'Agree a job plan and import it.',
  },
};

function describeSlot(line: JobPlanLine): string {
  if (line.annualSessions !== null) return `${formatNumber(line.annualSessions)} a year (no fixed slot)`;
  const day = line.dayOfWeek === null ? '' : DAYS[line.dayOfWeek];
  const period = line.period ? PERIOD_LABELS[line.period] : '';
  const cycle = line.cycleWeeks > 1 ? `, every ${line.cycleWeeks} weeks (week ${line.cycleOffset + 1})` : '';
  const times = line.startTime && line.endTime ? ` ${line.startTime}–${line.endTime}` : '';
  return `${day} ${period}${times}${cycle}`.trim();
}

interface JobPlanPanelProps {
  versions: JobPlanVersion[];
  status: JobPlanStatusAt;
  asOf: string;
  reviewMonths: number;
  /** Names the downloads, e.g. the consultant's name. */
  exportName: string;
}

/** The job plan in force (its lines), earlier versions, and a warning when the plan is not current. */
export function JobPlanPanel({ versions, status, asOf, reviewMonths, exportName }: JobPlanPanelProps) {
  if (versions.length === 0) {
    return (
      <EmptyState title="No job plan recorded for this consultant">
        <p>
          Without a job plan Fulfil cannot tell which sessions were planned, so every session this consultant
          held counts as additional and fulfilment cannot be worked out.
        </p>
        <p>
          What to do: agree a job plan in the job planning tool and ask your information team to import the
          job plans extract (<a href="/imports/formats">the job plans format</a>).
        </p>
      </EmptyState>
    );
  }
  const inForce =
    versions.find(
      (version) =>
        version.effectiveFrom <= asOf &&
        (version.effectiveTo === null || version.effectiveTo >= asOf) &&
        version.status === 'agreed',
    ) ??
    versions.find(
      (version) =>
        version.effectiveFrom <= asOf && (version.effectiveTo === null || version.effectiveTo >= asOf),
    );
  const shown = inForce ?? versions[0];
  const warning = status === 'current' ? null : CURRENCY_WARNINGS[status];
  return (
    <div>
      {warning ? (
        <div
          className="mb-6 max-w-3xl border-l-8 border-nhs-warm-yellow bg-nhs-white py-4 pr-4 pl-6"
          role="note"
        >
          <p className="font-bold">
            <span aria-hidden="true">⚠ </span>
            {warning.title} (as of {formatDate(asOf)})
          </p>
          <p>{warning.action}</p>
          <p>
            <a href="/definitions#jobPlanCurrency">Job plan currency</a>: an agreed plan in force, reviewed in
            the last {reviewMonths} months.
          </p>
        </div>
      ) : (
        <p className="mb-4">
          Current: an agreed plan in force on {formatDate(asOf)}, reviewed in the last {reviewMonths} months (
          <a href="/definitions#jobPlanCurrency">job plan currency</a>).
        </p>
      )}
      {shown && (
        <>
          <h3 className="mb-2 text-[1.375rem] font-bold">
            {inForce ? 'In force' : 'Latest'}: {shown.jobPlanId} version {shown.version} ({shown.status}
            {shown.agreedOn ? `, agreed ${formatDate(shown.agreedOn)}` : ''}), from{' '}
            {formatDate(shown.effectiveFrom)}
            {shown.effectiveTo ? ` to ${formatDate(shown.effectiveTo)}` : ''}
          </h3>
          <p className="mb-2">
            {formatNumber(Math.round(shown.totalPas * 100) / 100)} programmed activities.
          </p>
          <ExportButtons
            name={`${exportName} job plan ${shown.jobPlanId} version ${shown.version}`}
            table={{
              columns: [
                'Activity',
                'When',
                'Specialty',
                'PAs',
                'Expected output',
                'Weeks a year',
                'Clinics or theatres',
              ],
              rows: shown.lines.map((line) => [
                activityTypeLabel(line.activityType),
                describeSlot(line),
                line.specialtyCode ?? '',
                line.paValue,
                line.expectedOutput,
                line.expectedWeeks,
                line.linkedCodes.join(', '),
              ]),
            }}
          />
          <ScrollRegion label="Job plan lines">
            <Table caption={`Lines of job plan ${shown.jobPlanId} version ${shown.version}`} isCaptionHidden>
              <TableHead>
                <TableRow>
                  <ColumnHeader>Activity</ColumnHeader>
                  <ColumnHeader>When</ColumnHeader>
                  <ColumnHeader>Specialty</ColumnHeader>
                  <ColumnHeader align="end">PAs</ColumnHeader>
                  <ColumnHeader align="end">Expected output</ColumnHeader>
                  <ColumnHeader align="end">Weeks a year</ColumnHeader>
                  <ColumnHeader>Clinics or theatres</ColumnHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.lines.map((line) => (
                  <TableRow key={line.lineNumber}>
                    <TableCell>{activityTypeLabel(line.activityType)}</TableCell>
                    <TableCell>{describeSlot(line)}</TableCell>
                    <TableCell>{line.specialtyCode ?? ''}</TableCell>
                    <TableCell align="end">{formatNumber(line.paValue)}</TableCell>
                    <TableCell align="end">
                      {line.expectedOutput === null ? '' : formatNumber(line.expectedOutput)}
                    </TableCell>
                    <TableCell align="end">{formatNumber(line.expectedWeeks)}</TableCell>
                    <TableCell>{line.linkedCodes.join(', ')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        </>
      )}
      <h3 className="mt-6 mb-2 text-[1.375rem] font-bold">Versions</h3>
      <ExportButtons
        name={`${exportName} job plan versions`}
        table={{
          columns: [
            'Job plan',
            'Version',
            'Status',
            'Agreed',
            'Effective from',
            'Effective to',
            'Lines',
            'PAs',
          ],
          rows: versions.map((version) => [
            version.jobPlanId,
            version.version,
            version.status === 'agreed' ? 'Agreed' : 'Draft',
            version.agreedOn ?? '',
            version.effectiveFrom,
            version.effectiveTo ?? '',
            version.lines.length,
            Math.round(version.totalPas * 100) / 100,
          ]),
        }}
      />
      <ScrollRegion label="Job plan versions">
        <Table caption="Every version of the job plan, newest first" isCaptionHidden>
          <TableHead>
            <TableRow>
              <ColumnHeader>Job plan</ColumnHeader>
              <ColumnHeader align="end">Version</ColumnHeader>
              <ColumnHeader>Status</ColumnHeader>
              <ColumnHeader>Agreed</ColumnHeader>
              <ColumnHeader>Effective</ColumnHeader>
              <ColumnHeader align="end">Lines</ColumnHeader>
              <ColumnHeader align="end">PAs</ColumnHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {versions.map((version) => (
              <TableRow key={`${version.jobPlanId}-${version.version}`}>
                <TableCell>
                  {version.jobPlanId}
                  {version === shown ? ' (shown above)' : ''}
                </TableCell>
                <TableCell align="end">{version.version}</TableCell>
                <TableCell>{version.status === 'agreed' ? 'Agreed' : 'Draft'}</TableCell>
                <TableCell>{version.agreedOn ? formatDate(version.agreedOn) : ''}</TableCell>
                <TableCell>
                  {formatDate(version.effectiveFrom)} to{' '}
                  {version.effectiveTo ? formatDate(version.effectiveTo) : 'open-ended'}
                </TableCell>
                <TableCell align="end">{formatNumber(version.lines.length)}</TableCell>
                <TableCell align="end">{formatNumber(Math.round(version.totalPas * 100) / 100)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    </div>
  );
}
