import { AppError } from '@/lib/server/api/errors';
import { getPrisma } from '@/lib/server/db';
import { Prisma } from '@/lib/server/generated/prisma/client';
import { IMPORT_FORMATS, type ImportKindSlug } from '@/lib/shared/import-formats';
import type { ColumnMapping } from '@/lib/shared/import-headers';
import {
  type CreateSourceProfileRequest,
  columnMappingSchema,
  type SourceProfile,
} from '@/lib/shared/schemas/imports';
import type { Scope } from '@/lib/shared/scope';

const SLUG_BY_KIND = new Map<string, ImportKindSlug>(
  Object.values(IMPORT_FORMATS).map((format) => [format.kind, format.slug]),
);

const profileSelect = {
  id: true,
  kind: true,
  name: true,
  columnMapping: true,
  createdAt: true,
  updatedAt: true,
} as const;

function toProfile(row: {
  id: number;
  kind: string;
  name: string;
  columnMapping: unknown;
  createdAt: Date;
  updatedAt: Date;
}): SourceProfile | null {
  const kind = SLUG_BY_KIND.get(row.kind);
  // A mapping saved by hand in the database in another shape is skipped rather than crashing the page.
  const mapping = columnMappingSchema.safeParse(row.columnMapping);
  if (!kind || !mapping.success) return null;
  return {
    id: row.id,
    kind,
    name: row.name,
    mapping: mapping.data,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The organisation's saved column mappings, of one kind or all, by name. */
export async function listSourceProfiles(scope: Scope, kind?: ImportKindSlug): Promise<SourceProfile[]> {
  const prisma = await getPrisma();
  const rows = await prisma.sourceProfile.findMany({
    where: {
      organisationId: scope.organisationId,
      ...(kind ? { kind: IMPORT_FORMATS[kind].kind } : {}),
    },
    select: profileSelect,
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
  });
  return rows.map(toProfile).filter((profile) => profile !== null);
}

/** One saved mapping of the organisation for `kind`, or null when there is none with that id and kind. */
export async function findSourceProfile(
  scope: Scope,
  id: number,
  kind: ImportKindSlug,
): Promise<{ id: number; mapping: ColumnMapping } | null> {
  const prisma = await getPrisma();
  const row = await prisma.sourceProfile.findFirst({
    where: { organisationId: scope.organisationId, id, kind: IMPORT_FORMATS[kind].kind },
    select: profileSelect,
  });
  const profile = row && toProfile(row);
  return profile ? { id: profile.id, mapping: profile.mapping } : null;
}

/** Saves a named mapping for a kind; a 409 AppError when the name is taken for that kind. */
export async function createSourceProfile(
  scope: Scope,
  input: CreateSourceProfileRequest,
): Promise<SourceProfile> {
  const prisma = await getPrisma();
  try {
    const row = await prisma.sourceProfile.create({
      data: {
        organisationId: scope.organisationId,
        kind: IMPORT_FORMATS[input.kind].kind,
        name: input.name,
        columnMapping: input.mapping,
      },
      select: profileSelect,
    });
    const profile = toProfile(row);
    if (!profile) throw new Error('the saved source profile cannot be read back');
    return profile;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw AppError.conflict(
        `There is already a saved mapping called "${input.name}" for ${IMPORT_FORMATS[input.kind].label.toLowerCase()}; choose another name.`,
      );
    }
    throw error;
  }
}
