'use client';

import { type FormEvent, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SelectField } from '@/components/ui/field';
import { Fieldset, Radio } from '@/components/ui/form';
import { type FormProblems, NO_PROBLEMS, problemsFromError, problemsOf } from '@/components/ui/form-problems';
import { useAdminAssignRole } from '@/lib/client/hooks/use-admin-assign-role';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/shared/permissions';
import { type AdminUser, assignRoleRequestSchema, type RoleScopeOptions } from '@/lib/shared/schemas/admin';
import { describeRole, ROLE_HINTS } from './labels';
import { StatusMessage } from './status-message';

const FIELD_IDS = {
  role: 'assign-role-admin',
  divisionId: 'assign-division',
  specialtyId: 'assign-specialty',
  consultantId: 'assign-consultant',
};

interface AssignRoleFormProps {
  user: AdminUser;
  options: RoleScopeOptions;
}

/** Gives the user a role, with the division, specialty or consultant record it covers. */
export function AssignRoleForm({ user, options }: AssignRoleFormProps) {
  const assignRole = useAdminAssignRole(user.id);
  const [role, setRole] = useState<Role | null>(null);
  const [consultantSpecialtyId, setConsultantSpecialtyId] = useState('');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [attempt, setAttempt] = useState(0);
  const [assigned, setAssigned] = useState<string | null>(null);

  const divisionName = useMemo(
    () => new Map(options.divisions.map((division) => [division.id, division.name])),
    [options.divisions],
  );
  const consultants = useMemo(
    () =>
      consultantSpecialtyId === ''
        ? options.consultants
        : options.consultants.filter(
            (consultant) => String(consultant.specialtyId) === consultantSpecialtyId,
          ),
    [options.consultants, consultantSpecialtyId],
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const idOf = (name: string) => {
      const value = String(data.get(name) ?? '');
      return value === '' ? undefined : Number(value);
    };
    const input =
      role === 'divisional_director'
        ? { role, divisionId: idOf('divisionId') }
        : role === 'clinical_lead'
          ? { role, specialtyId: idOf('specialtyId') }
          : role === 'consultant'
            ? { role, consultantId: idOf('consultantId') }
            : { role };
    setAttempt((count) => count + 1);
    setAssigned(null);
    const parsed = assignRoleRequestSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = role === null ? 'role' : String(issue?.path[0] ?? 'role');
      const message = role === null ? 'Choose a role' : (issue?.message ?? 'Choose a role');
      setProblems(problemsOf({ [field]: message }, FIELD_IDS));
      return;
    }
    setProblems(NO_PROBLEMS);
    assignRole.mutate(parsed.data, {
      onSuccess: (assignment) => {
        setAssigned(describeRole(assignment.role, assignment.scope));
        setRole(null);
        setConsultantSpecialtyId('');
        form.reset();
      },
      onError: (error) => setProblems(problemsFromError(error, FIELD_IDS)),
    });
  }

  return (
    <section aria-labelledby="assign-role-heading" className="mt-10 max-w-3xl">
      <h3 id="assign-role-heading" className="mb-4 text-[1.5rem] leading-tight font-bold">
        Give {user.name} a role
      </h3>
      {assigned && (
        <StatusMessage>
          <p>Role given: {assigned}.</p>
        </StatusMessage>
      )}
      <ErrorSummary problems={problems.summary} attempt={attempt} />
      <form noValidate onSubmit={handleSubmit} aria-labelledby="assign-role-heading">
        <Fieldset legend="Role">
          {problems.fields.role && (
            <p id="assign-role-error" className="mb-2 font-bold text-nhs-red">
              <span className="sr-only">Error: </span>
              {problems.fields.role}
            </p>
          )}
          {ROLES.map((candidate) => (
            <Radio
              key={candidate}
              id={`assign-role-${candidate}`}
              name="role"
              value={candidate}
              checked={role === candidate}
              onChange={() => setRole(candidate)}
              label={ROLE_LABELS[candidate]}
              hint={ROLE_HINTS[candidate]}
              errorId={problems.fields.role ? 'assign-role-error' : undefined}
            />
          ))}
        </Fieldset>

        {role === 'divisional_director' && (
          <SelectField
            id={FIELD_IDS.divisionId}
            fieldClassName="mb-6"
            name="divisionId"
            label="Division"
            defaultValue=""
            error={problems.fields.divisionId}
          >
            <option value="">Choose a division</option>
            {options.divisions.map((division) => (
              <option key={division.id} value={division.id}>
                {division.name} ({division.code})
              </option>
            ))}
          </SelectField>
        )}

        {role === 'clinical_lead' && (
          <SelectField
            id={FIELD_IDS.specialtyId}
            fieldClassName="mb-6"
            name="specialtyId"
            label="Specialty"
            defaultValue=""
            error={problems.fields.specialtyId}
          >
            <option value="">Choose a specialty</option>
            {options.specialties.map((specialty) => (
              <option key={specialty.id} value={specialty.id}>
                {specialty.name} ({specialty.code}, {divisionName.get(specialty.divisionId) ?? 'no division'})
              </option>
            ))}
          </SelectField>
        )}

        {role === 'consultant' && (
          <>
            <SelectField
              id="assign-consultant-specialty"
              fieldClassName="mb-6"
              label="Narrow the list to a specialty (optional)"
              value={consultantSpecialtyId}
              onChange={(event) => setConsultantSpecialtyId(event.target.value)}
            >
              <option value="">Every specialty</option>
              {options.specialties.map((specialty) => (
                <option key={specialty.id} value={specialty.id}>
                  {specialty.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={FIELD_IDS.consultantId}
              fieldClassName="mb-6"
              name="consultantId"
              label="Consultant record"
              hint="The consultant this user is: they will see their own data named."
              defaultValue=""
              error={problems.fields.consultantId}
            >
              <option value="">Choose a consultant ({consultants.length})</option>
              {consultants.map((consultant) => (
                <option key={consultant.id} value={consultant.id}>
                  {consultant.name} (GMC {consultant.gmcNumber}){consultant.isActive ? '' : ', inactive'}
                </option>
              ))}
            </SelectField>
          </>
        )}

        <Button type="submit" disabled={assignRole.isPending}>
          {assignRole.isPending ? 'Giving the role…' : 'Give role'}
        </Button>
      </form>
    </section>
  );
}
