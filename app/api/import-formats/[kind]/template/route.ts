import { buildTemplateCsv, csvDownload } from '@/lib/server/api/csv';
import { AppError } from '@/lib/server/api/errors';
import { withErrorHandling } from '@/lib/server/api/route';
import { IMPORT_KIND_SLUGS, isImportKindSlug } from '@/lib/shared/import-formats';

/** The CSV template of an import kind: its header and one example row. Public: it holds no data. */
export const GET = withErrorHandling(
  async (_request: Request, { params }: { params: Promise<{ kind: string }> }) => {
    const { kind } = await params;
    if (!isImportKindSlug(kind)) {
      throw AppError.notFound(`No import kind "${kind}"; the kinds are ${IMPORT_KIND_SLUGS.join(', ')}.`);
    }
    return csvDownload(buildTemplateCsv(kind), `fulfil-${kind}-template.csv`);
  },
);
