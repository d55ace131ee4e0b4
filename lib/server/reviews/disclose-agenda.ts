import type {
  AgendaAction,
  AgendaPerson,
  AgendaView,
  FrozenAgenda,
  MemberRef,
  MemberView,
} from '@/lib/shared/review-agenda';
import { grantCovers, type Scope } from '@/lib/shared/scope';
import { getAnonymisationKey, pseudonymFor } from '../auth/pseudonyms';
import type { Database } from '../db';
import { MIN_GROUP_SIZE } from '../metrics/disclosure';

export interface DiscloseOptions {
  /** The meeting's anonymise switch: every consultant under a pseudonym and no person's name, whoever looks. */
  anonymise: boolean;
}

/**
 * The agenda as one reader may see it, by the same rules as the dashboards: consultants they see named as
 * themselves; the others of the unit under the reader's stable pseudonym (and only in specialties of at least
 * MIN_GROUP_SIZE); anyone else left out. Who wrote a note or owns an action is shown only beside a consultant the
 * reader sees named (a peer's author would name the peer), and never with the anonymise switch on.
 */
export async function discloseAgenda(
  database: Database,
  scope: Scope,
  agenda: FrozenAgenda,
  options: DiscloseOptions,
): Promise<AgendaView> {
  const people = new Map(agenda.people.map((person) => [person.id, person]));
  const specialtySize = new Map<number, number>();
  for (const person of agenda.people)
    specialtySize.set(person.specialtyId, (specialtySize.get(person.specialtyId) ?? 0) + 1);
  const isNamed = (person: AgendaPerson) => !options.anonymise && grantCovers(scope.named, person);
  const needsKey = agenda.people.some((person) => !isNamed(person));
  const key = needsKey ? await getAnonymisationKey(database, scope.organisationId) : '';
  const viewer = scope.viewer?.userId ?? 0;

  const views = new Map<number, (MemberView & { kind: 'consultant' }) | null>();
  const viewOf = (consultantId: number): (MemberView & { kind: 'consultant' }) | null => {
    if (views.has(consultantId)) return views.get(consultantId) ?? null;
    const person = people.get(consultantId);
    let view: (MemberView & { kind: 'consultant' }) | null = null;
    if (person && isNamed(person)) {
      view = {
        kind: 'consultant',
        consultantId,
        key: person.gmcNumber,
        name: person.name,
        isAnonymised: false,
      };
    } else if (person) {
      const mayBeShown =
        options.anonymise ||
        (grantCovers(scope.anonymised, person) &&
          (specialtySize.get(person.specialtyId) ?? 0) >= MIN_GROUP_SIZE);
      if (mayBeShown) {
        const label = pseudonymFor(key, viewer, consultantId);
        view = { kind: 'consultant', consultantId: null, key: label, name: label, isAnonymised: true };
      }
    }
    views.set(consultantId, view);
    return view;
  };
  const member = (ref: MemberRef): MemberView | null =>
    ref.kind === 'consultant' ? viewOf(ref.consultantId) : ref;
  /** Rows about someone the reader may not see are left out. */
  const rows = <Row extends { member: MemberRef }>(items: readonly Row[]) =>
    items.flatMap((item) => {
      const view = member(item.member);
      return view ? [{ ...item, member: view }] : [];
    });
  const mayNamePeople = (ref: MemberRef | null) =>
    !options.anonymise &&
    (ref === null || ref.kind !== 'consultant' || viewOf(ref.consultantId)?.isAnonymised === false);
  const actions = (items: readonly AgendaAction<MemberRef>[]): AgendaAction<MemberView>[] =>
    items.flatMap((action) => {
      const view = action.member === null ? null : member(action.member);
      if (action.member !== null && view === null) return [];
      const showOwner = mayNamePeople(action.member);
      return [
        {
          ...action,
          member: view,
          ownerName: showOwner ? action.ownerName : null,
          ownerUserId: showOwner ? action.ownerUserId : null,
        },
      ];
    });

  const specialtyOf = specialtyDisclosure(agenda, (person) => viewOf(person.id)?.isAnonymised ?? null);
  // A division's consultants come from several specialties: the workload and "for review" tables say which,
  // where they may (the same rule for both, so that neither says what the other withholds).
  const isDivision = agenda.unit.level === 'division';
  const workloadRows = isDivision
    ? agenda.workload.rows.map((row) => ({ ...row, specialty: specialtyOf(row.member) }))
    : agenda.workload.rows;
  const forReviewRows = isDivision
    ? agenda.forReview.map((row) => ({ ...row, specialty: specialtyOf(row.member) }))
    : agenda.forReview;

  const { people: _people, ...rest } = agenda;
  return {
    ...rest,
    funnel: { ...agenda.funnel, points: namedFirst(rows(agenda.funnel.points)) },
    members: namedFirst(rows(agenda.members)),
    workload: { ...agenda.workload, rows: namedFirst(rows(workloadRows)) },
    opportunities: { ...agenda.opportunities, rows: rows(agenda.opportunities.rows) },
    forReview: namedFirst(rows(forReviewRows)),
    annotations: namedFirst(
      agenda.annotations.flatMap((annotation) => {
        const view = member(annotation.member);
        if (!view) return [];
        const authorName = mayNamePeople(annotation.member) ? annotation.authorName : null;
        return [{ ...annotation, member: view, authorName }];
      }),
    ),
    challenges: namedFirst(rows(agenda.challenges)),
    actionsCarriedForward: actions(agenda.actionsCarriedForward),
    newActions: actions(agenda.newActions),
  };
}

/**
 * Each consultant's specialty as the reader may see it, by the small-number rule the dashboards use
 * (MIN_GROUP_SIZE): beside a consultant seen named, always; beside an anonymised one, only if their specialty has
 * at least MIN_GROUP_SIZE consultants in the meeting (a specialty of one would name its consultant, of two tell
 * each of them the other), and only if those it is withheld from are themselves at least MIN_GROUP_SIZE (a single
 * row marked "not shown" would be the one consultant of the division's smallest specialty). Null when withheld,
 * or when the snapshot lacks the name. `isAnonymised` says how the reader sees a consultant (null: not at all).
 */
function specialtyDisclosure(
  agenda: FrozenAgenda,
  isAnonymised: (person: AgendaPerson) => boolean | null,
): (ref: MemberRef) => string | null {
  const size = new Map<number, number>();
  for (const person of agenda.people) size.set(person.specialtyId, (size.get(person.specialtyId) ?? 0) + 1);
  const isSmall = (person: AgendaPerson) => (size.get(person.specialtyId) ?? 0) < MIN_GROUP_SIZE;
  const withheld = agenda.people.filter((person) => isAnonymised(person) === true && isSmall(person)).length;
  const mayShowAnyAnonymised = withheld === 0 || withheld >= MIN_GROUP_SIZE;
  // Snapshots taken before the people carried their specialty's name: the division's specialties as members.
  const names = new Map<number, string>();
  for (const row of agenda.members)
    if (row.member.kind === 'specialty') names.set(row.member.id, row.member.name);
  const people = new Map(agenda.people.map((person) => [person.id, person]));
  return (ref) => {
    const person = ref.kind === 'consultant' ? people.get(ref.consultantId) : undefined;
    if (!person) return null;
    const anonymised = isAnonymised(person);
    if (anonymised === null) return null;
    if (anonymised && (isSmall(person) || !mayShowAnyAnonymised)) return null;
    return person.specialtyName ?? names.get(person.specialtyId) ?? null;
  };
}

/**
 * Named rows in the snapshot's order (by name), then anonymised ones by pseudonym: an order by name would say who
 * each pseudonym is.
 */
function namedFirst<Row extends { member: MemberView }>(items: Row[]): Row[] {
  const isAnonymised = (row: Row) => row.member.kind === 'consultant' && row.member.isAnonymised;
  return [
    ...items.filter((row) => !isAnonymised(row)),
    ...items.filter(isAnonymised).sort((a, b) => a.member.name.localeCompare(b.member.name)),
  ];
}
