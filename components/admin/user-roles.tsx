'use client';

import { useState } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SectionHeading } from '@/components/ui/heading';
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
import { useAdminRevokeRole } from '@/lib/client/hooks/use-admin-revoke-role';
import { ROLE_LABELS } from '@/lib/shared/permissions';
import type { AdminUser, RoleScope, RoleScopeOptions } from '@/lib/shared/schemas/admin';
import { AssignRoleForm } from './assign-role-form';
import { describeRole, formatAdminTime } from './labels';
import { StatusMessage } from './status-message';

function describeScope(scope: RoleScope): string {
  switch (scope.kind) {
    case 'trust':
      return 'The whole trust';
    case 'division':
      return `${scope.name} division`;
    case 'specialty':
      return scope.name;
    case 'consultant':
      return `${scope.name}${scope.gmcNumber ? ` (GMC ${scope.gmcNumber})` : ''}`;
  }
}

interface UserRolesProps {
  user: AdminUser;
  isSelf: boolean;
  options: RoleScopeOptions;
}

/** The user's live roles, each with a revoke button, and the form to give another. */
export function UserRoles({ user, isSelf, options }: UserRolesProps) {
  const revokeRole = useAdminRevokeRole(user.id);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  function revoke(assignmentId: number, description: string) {
    setMessage(null);
    setProblem(null);
    setAttempt((count) => count + 1);
    revokeRole.mutate(assignmentId, {
      onSuccess: () => setMessage(`Revoked: ${description}.`),
      onError: (error) => setProblem(error.message),
    });
  }

  return (
    <Panel aria-labelledby="roles-heading">
      <SectionHeading id="roles-heading">Roles</SectionHeading>
      <p className="mb-6 max-w-3xl">
        What {user.name} may see and do comes from their roles; a change applies from their next click.
      </p>
      {message && (
        <StatusMessage>
          <p>{message}</p>
        </StatusMessage>
      )}
      <ErrorSummary problems={problem ? [{ message: problem }] : []} attempt={attempt} />
      {user.roles.length === 0 ? (
        <EmptyState title="No roles">
          <p>{user.name} can sign in but sees nothing until given a role.</p>
        </EmptyState>
      ) : (
        <ScrollRegion label="Roles table">
          <Table caption={`Roles of ${user.name}`} isCaptionHidden>
            <TableHead>
              <TableRow>
                <ColumnHeader>Role</ColumnHeader>
                <ColumnHeader>Covers</ColumnHeader>
                <ColumnHeader>Since</ColumnHeader>
                <ColumnHeader>
                  <span className="sr-only">Action</span>
                </ColumnHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {user.roles.map((role) => {
                const description = describeRole(role.role, role.scope);
                const isOwnAdmin = isSelf && role.role === 'admin';
                return (
                  <TableRow key={role.id}>
                    <RowHeader>{ROLE_LABELS[role.role]}</RowHeader>
                    <TableCell>{describeScope(role.scope)}</TableCell>
                    <TableCell className="whitespace-nowrap">{formatAdminTime(role.createdAt)}</TableCell>
                    <TableCell>
                      {isOwnAdmin ? (
                        <span className="text-nhs-dark-grey">Another administrator must revoke this</span>
                      ) : (
                        <SecondaryButton
                          onClick={() => revoke(role.id, description)}
                          disabled={revokeRole.isPending}
                        >
                          Revoke<span className="sr-only"> {description}</span>
                        </SecondaryButton>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
      <AssignRoleForm user={user} options={options} />
    </Panel>
  );
}
