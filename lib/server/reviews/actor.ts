import type { Caller } from '@/lib/server/api/caller';
import type { AuditEventInput } from '@/lib/server/audit/audit-log';

/** Who acts: the caller's organisation, scope and identity (the route's Caller; tests build one directly). */
export type ReviewActor = Pick<Caller, 'organisationId' | 'scope' | 'userId' | 'apiTokenId' | 'ipAddress'>;

/** The audit events of reviews, annotations, challenges and actions. */
export const REVIEW_AUDIT_ACTIONS = {
  meetingStarted: 'review.started',
  meetingClosed: 'review.closed',
  meetingExported: 'review.exported',
  annotationCreated: 'annotation.created',
  annotationUpdated: 'annotation.updated',
  annotationDeleted: 'annotation.deleted',
  challengeRaised: 'challenge.raised',
  challengeAccepted: 'challenge.accepted',
  challengeExplained: 'challenge.explained',
  actionCreated: 'action.created',
  actionUpdated: 'action.updated',
} as const;

/** The actor fields of an audit event for what `actor` does. */
export function auditActorOf(
  actor: ReviewActor,
): Pick<AuditEventInput, 'organisationId' | 'actorUserId' | 'actorTokenId' | 'ipAddress'> {
  return {
    organisationId: actor.organisationId,
    actorUserId: actor.userId ?? null,
    actorTokenId: actor.apiTokenId ?? null,
    ipAddress: actor.ipAddress ?? null,
  };
}
