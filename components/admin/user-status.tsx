import { StatusDot } from '@/components/ui/status-dot';
import type { AdminUser } from '@/lib/shared/schemas/admin';
import { formatAdminTime } from './labels';

/** Active, locked (until when) or deactivated, with a dot that repeats what the words say. */
export function UserStatus({ user }: { user: Pick<AdminUser, 'isActive' | 'lockedUntil'> }) {
  if (!user.isActive) {
    return (
      <span className="flex items-center gap-2">
        <StatusDot tone="negative" />
        Deactivated
      </span>
    );
  }
  if (user.lockedUntil) {
    return (
      <span className="flex items-center gap-2">
        <StatusDot tone="warning" />
        Locked until {formatAdminTime(user.lockedUntil)}
      </span>
    );
  }
  return (
    <span className="flex items-center gap-2">
      <StatusDot tone="positive" />
      Active
    </span>
  );
}
