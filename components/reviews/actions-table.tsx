import Link from 'next/link';
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@/components/ui/table';
import type { ActionView } from '@/lib/server/reviews/action-view';
import { ACTION_STATUS_LABELS } from '@/lib/shared/action-status';

const ukDate = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '–';

/** A list of actions with their owner, due date and status; overdue ones marked in words, not colour alone. */
export function ActionsTable({
  caption,
  actions,
  escalatedTo,
}: {
  caption: string;
  actions: ActionView[];
  /** For escalated actions: the directors each one reaches. */
  escalatedTo?: Map<number, string>;
}) {
  return (
    <Table caption={caption} isCaptionHidden>
      <TableHead>
        <TableRow>
          <ColumnHeader>Action</ColumnHeader>
          <ColumnHeader>Owner</ColumnHeader>
          <ColumnHeader>Due</ColumnHeader>
          <ColumnHeader>Status</ColumnHeader>
          {escalatedTo && <ColumnHeader>Escalated to</ColumnHeader>}
        </TableRow>
      </TableHead>
      <TableBody>
        {actions.map((action) => (
          <TableRow key={action.id}>
            <TableCell>
              <Link href={`/actions/${action.id}`}>{action.title}</Link>
              {action.meetingId !== null && (
                <>
                  {' '}
                  (<Link href={`/reviews/${action.meetingId}`}>meeting</Link>)
                </>
              )}
            </TableCell>
            <TableCell>{action.owner.name ?? '–'}</TableCell>
            <TableCell>{ukDate(action.dueOn)}</TableCell>
            <TableCell>
              {ACTION_STATUS_LABELS[action.status]}
              {action.isOverdue && <strong className="ml-2 bg-nhs-warm-yellow px-2">Overdue</strong>}
            </TableCell>
            {escalatedTo && <TableCell>{escalatedTo.get(action.id) ?? '–'}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
