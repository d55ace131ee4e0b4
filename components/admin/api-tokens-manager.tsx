'use client';

import { type FormEvent, useState } from 'react';
import { formatNumber } from '@/components/format';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorSummary } from '@/components/ui/error-summary';
import { InputField } from '@/components/ui/field';
import { type FormProblems, NO_PROBLEMS, problemsFromError, problemsOf } from '@/components/ui/form-problems';
import { SectionHeading } from '@/components/ui/heading';
import { Notice } from '@/components/ui/notice';
import { Panel } from '@/components/ui/panel';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { SecondaryButton } from '@/components/ui/secondary-button';
import { StatusDot } from '@/components/ui/status-dot';
import {
  ColumnHeader,
  RowHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@/components/ui/table';
import { useAdminApiTokens } from '@/lib/client/hooks/use-admin-api-tokens';
import { useAdminCreateApiToken } from '@/lib/client/hooks/use-admin-create-api-token';
import { useAdminRevokeApiToken } from '@/lib/client/hooks/use-admin-revoke-api-token';
import {
  type ApiTokenListResponse,
  type CreateApiTokenResponse,
  createApiTokenRequestSchema,
} from '@/lib/shared/schemas/admin';
import { formatAdminTime } from './labels';
import { OneTimeSecret } from './one-time-secret';
import { StatusMessage } from './status-message';
import { WarningButton } from './warning-button';

const FIELD_IDS = { name: 'token-name' };

function CreateTokenForm() {
  const createToken = useAdminCreateApiToken();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [attempt, setAttempt] = useState(0);
  const [created, setCreated] = useState<CreateApiTokenResponse | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '');
    setAttempt((count) => count + 1);
    setCreated(null);
    const parsed = createApiTokenRequestSchema.safeParse({ name });
    if (!parsed.success) {
      setProblems(problemsOf({ name: parsed.error.issues[0]?.message ?? 'Enter a name' }, FIELD_IDS));
      return;
    }
    setProblems(NO_PROBLEMS);
    createToken.mutate(parsed.data, {
      onSuccess: (result) => {
        setCreated(result);
        form.reset();
      },
      onError: (error) => setProblems(problemsFromError(error, FIELD_IDS)),
    });
  }

  return (
    <Panel aria-labelledby="create-token-heading">
      <SectionHeading id="create-token-heading">Create a token</SectionHeading>
      {created && (
        <OneTimeSecret
          secretLabel="Token"
          title={`API token “${created.token.name}”`}
          secret={created.secret}
        >
          <p>
            Fulfil keeps only a fingerprint of it, so nobody can show it to you again. Store it where the
            importing job keeps its secrets; if it is lost, revoke it and create another.
          </p>
          <p>
            Use it as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code> when sending an
            extract to <code className="font-mono">/api/imports</code>. It can import extracts and nothing
            else.
          </p>
        </OneTimeSecret>
      )}
      <ErrorSummary problems={problems.summary} attempt={attempt} />
      <form noValidate onSubmit={handleSubmit} aria-labelledby="create-token-heading" className="max-w-3xl">
        <InputField
          id={FIELD_IDS.name}
          fieldClassName="mb-6"
          name="name"
          label="Name"
          hint="What will use it, so that you know what breaks if it is revoked, for example “Nightly PAS extract”."
          autoComplete="off"
          error={problems.fields.name}
        />
        <Button type="submit" disabled={createToken.isPending}>
          {createToken.isPending ? 'Creating the token…' : 'Create token'}
        </Button>
      </form>
    </Panel>
  );
}

/** API tokens for automated imports: create one (shown once), see when each was last used, revoke. */
export function ApiTokensManager({ initialTokens }: { initialTokens: ApiTokenListResponse }) {
  const query = useAdminApiTokens(initialTokens);
  const revokeToken = useAdminRevokeApiToken();
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { tokens } = query.data ?? initialTokens;

  function revoke(tokenId: number, name: string) {
    setMessage(null);
    setProblem(null);
    setAttempt((count) => count + 1);
    revokeToken.mutate(tokenId, {
      onSuccess: () =>
        setMessage(`The token “${name}” is revoked: imports sent with it are refused from now on.`),
      onError: (error) => setProblem(error.message),
    });
  }

  return (
    <>
      <CreateTokenForm />
      <Panel aria-labelledby="tokens-heading">
        <SectionHeading id="tokens-heading">Tokens</SectionHeading>
        {query.isError && (
          <Notice>
            <p className="mb-3">
              <strong>The tokens could not be refreshed:</strong> {query.error.message}
            </p>
            <SecondaryButton onClick={() => query.refetch()}>Try again</SecondaryButton>
          </Notice>
        )}
        {message && (
          <StatusMessage>
            <p>{message}</p>
          </StatusMessage>
        )}
        <ErrorSummary problems={problem ? [{ message: problem }] : []} attempt={attempt} />
        {tokens.length === 0 ? (
          <EmptyState title="No API tokens yet">
            <p>Create one above for each job or server that sends extracts automatically.</p>
          </EmptyState>
        ) : (
          <>
            <p className="mb-6 max-w-3xl">
              {formatNumber(tokens.length)} {tokens.length === 1 ? 'token' : 'tokens'}, live ones first. Times
              are Europe/London.
            </p>
            <ScrollRegion label="API tokens table">
              <Table caption="API tokens" isCaptionHidden>
                <TableHead>
                  <TableRow>
                    <ColumnHeader>Name</ColumnHeader>
                    <ColumnHeader>Created</ColumnHeader>
                    <ColumnHeader>Last used</ColumnHeader>
                    <ColumnHeader>Status</ColumnHeader>
                    <ColumnHeader>
                      <span className="sr-only">Action</span>
                    </ColumnHeader>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {tokens.map((token) => (
                    <TableRow key={token.id}>
                      <RowHeader className="break-words">{token.name}</RowHeader>
                      <TableCell>
                        <span className="whitespace-nowrap">{formatAdminTime(token.createdAt)}</span>
                        {token.createdBy && (
                          <span className="block text-nhs-dark-grey">by {token.createdBy.name}</span>
                        )}
                      </TableCell>
                      <TableCell className="whitespace-nowrap">
                        {token.lastUsedAt ? formatAdminTime(token.lastUsedAt) : 'Never'}
                      </TableCell>
                      <TableCell>
                        {token.revokedAt ? (
                          <span className="flex items-center gap-2">
                            <StatusDot tone="negative" />
                            Revoked {formatAdminTime(token.revokedAt)}
                          </span>
                        ) : (
                          <span className="flex items-center gap-2">
                            <StatusDot tone="positive" />
                            Active
                          </span>
                        )}
                      </TableCell>
                      <TableCell>
                        {!token.revokedAt && (
                          <WarningButton
                            onClick={() => revoke(token.id, token.name)}
                            disabled={revokeToken.isPending}
                          >
                            Revoke<span className="sr-only"> the token {token.name}</span>
                          </WarningButton>
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </ScrollRegion>
          </>
        )}
      </Panel>
    </>
  );
}
