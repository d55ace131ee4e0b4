'use client';

import { useEffect, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FileDropZone } from '@/components/ui/file-drop-zone';
import { Fieldset } from '@/components/ui/form';
import { SectionHeading } from '@/components/ui/heading';
import { Notice } from '@/components/ui/notice';
import { Panel } from '@/components/ui/panel';
import { SecondaryButton } from '@/components/ui/secondary-button';
import { Skeleton } from '@/components/ui/skeleton';
import { useImportUpload } from '@/lib/client/hooks/use-import-upload';
import { useSourceProfiles } from '@/lib/client/hooks/use-source-profiles';
import { IMPORT_FORMATS, IMPORT_KIND_SLUGS, type ImportKindSlug } from '@/lib/shared/import-formats';
import { type ColumnMapping, matchHeaders } from '@/lib/shared/import-headers';
import { ColumnMappingTable } from './column-mapping-table';
import { FilePreviewTable } from './file-preview-table';
import { findMissingColumns, resolveHeaderTargets, toColumnMapping } from './header-mapping';
import { IMPORT_STATUS_TEXT } from './import-labels';
import { ImportProgress } from './import-progress';
import { ImportResult } from './import-result';
import { KindPicker } from './kind-picker';
import { type CsvPreview, PREVIEW_ROWS, readCsvPreview } from './read-csv-preview';
import { SourceProfilePicker } from './source-profile-picker';

const ACCEPTED_FILES =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type PreviewState = { status: 'none' } | { status: 'reading' } | { status: 'read'; preview: CsvPreview };

/** The server reads a file as XLSX by its extension, and as CSV otherwise; the preview follows the same rule. */
function isXlsx(file: File): boolean {
  return /\.xlsx$/i.test(file.name);
}

/** Reads the start of a chosen CSV file for the column mapping and preview (XLSX is left to the server). */
function useFilePreview(file: File | null): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'none' });
  useEffect(() => {
    if (!file || isXlsx(file)) {
      setState({ status: 'none' });
      return;
    }
    let isCurrent = true;
    setState({ status: 'reading' });
    readCsvPreview(file).then(
      (preview) => isCurrent && setState({ status: 'read', preview }),
      () =>
        isCurrent &&
        setState({ status: 'read', preview: { ok: false, message: 'The file could not be read.' } }),
    );
    return () => {
      isCurrent = false;
    };
  }, [file]);
  return state;
}

/**
 * The import form: kind, file (with column mapping and preview for CSV), check or import, live progress, then
 * the result with its errors. Each new choice clears the previous result.
 */
export function ImportWorkspace() {
  const [kind, setKind] = useState<ImportKindSlug | null>(null);
  const [file, setFile] = useState<File | null>(null);
  /** Column choices made here, on top of the saved mapping (if one is chosen). */
  const [choices, setChoices] = useState<ColumnMapping>({});
  const [profileId, setProfileId] = useState<number | null>(null);
  const [formErrors, setFormErrors] = useState<{ kind?: string; file?: string }>({});
  const upload = useImportUpload();
  const profiles = useSourceProfiles(kind);
  const preview = useFilePreview(file);

  const format = kind ? IMPORT_FORMATS[kind] : null;
  const profile = profiles.data?.find((candidate) => candidate.id === profileId) ?? null;
  const mapping = useMemo(() => ({ ...profile?.mapping, ...choices }), [profile, choices]);
  const csv = preview.status === 'read' && preview.preview.ok ? preview.preview : null;
  const targets = useMemo(
    () => (format && csv ? resolveHeaderTargets(format, csv.headers, mapping) : []),
    [format, csv, mapping],
  );
  const headerMatch = format && csv ? matchHeaders(format, csv.headers, mapping) : null;
  const missingColumns = format && csv ? findMissingColumns(format, targets) : [];

  const resetResult = () => {
    if (!upload.isPending) upload.reset();
  };
  const chooseKind = (next: ImportKindSlug) => {
    setKind(next);
    setChoices({});
    setProfileId(null);
    setFormErrors((errors) => ({ ...errors, kind: undefined }));
    resetResult();
  };
  const chooseFile = (next: File | null) => {
    setFile(next);
    setChoices({});
    setFormErrors((errors) => ({ ...errors, file: undefined }));
    resetResult();
  };

  const start = (isDryRun: boolean) => {
    const errors = {
      kind: kind ? undefined : 'Choose what you are importing.',
      file: file ? undefined : 'Choose a file to import.',
    };
    setFormErrors(errors);
    if (!kind || !file) {
      // Take the reader to the first thing to put right.
      document.getElementById(kind ? 'import-file' : `import-kind-${IMPORT_KIND_SLUGS[0]}`)?.focus();
      return;
    }
    upload.mutate({
      kind,
      file,
      dryRun: isDryRun,
      mapping: Object.keys(mapping).length > 0 ? mapping : undefined,
      sourceProfileId: profileId ?? undefined,
    });
  };

  const result = upload.data;
  return (
    <Panel aria-labelledby="new-import-heading">
      <SectionHeading id="new-import-heading">New import</SectionHeading>
      <KindPicker value={kind} onChange={chooseKind} error={formErrors.kind} isDisabled={upload.isPending} />

      <Fieldset legend="2. Choose the file">
        <FileDropZone
          id="import-file"
          label="File to import"
          hint="A CSV file (comma-separated, UTF-8) or an XLSX workbook, up to 200 MB."
          accept={ACCEPTED_FILES}
          fileName={file?.name}
          error={formErrors.file}
          onFileChange={chooseFile}
        />
      </Fieldset>

      {format && file && (
        <Fieldset legend="3. Check the columns">
          {isXlsx(file) ? (
            <p className="mb-4 max-w-3xl">
              The columns of an XLSX workbook are read on the server. Choose a saved mapping if its column
              names differ from the format, and use “Check only” to see how it reads.
            </p>
          ) : preview.status === 'reading' ? (
            <div aria-busy="true" aria-live="polite">
              <p className="mb-3">Reading the first rows…</p>
              <Skeleton className="h-32 max-w-3xl" />
            </div>
          ) : csv === null ? (
            preview.status === 'read' &&
            !preview.preview.ok && (
              <Notice>
                <p>
                  <strong>This file cannot be imported as it is.</strong> {preview.preview.message}
                </p>
              </Notice>
            )
          ) : (
            <p className="mb-4 max-w-3xl">
              Fulfil matched the columns of <strong>{file.name}</strong> to the {format.label.toLowerCase()}{' '}
              format. Change any that are wrong; save the choices as a mapping to reuse them for the next file
              from the same system.
            </p>
          )}

          <SourceProfilePicker
            key={kind}
            kind={kind as ImportKindSlug}
            selectedId={profileId}
            onSelect={(id) => {
              setProfileId(id);
              setChoices({});
              resetResult();
            }}
            mappingToSave={csv ? toColumnMapping(targets) : null}
            isDisabled={upload.isPending}
          />

          {csv && (
            <>
              {headerMatch && !headerMatch.ok && (
                <div className="mb-6 max-w-4xl border-l-8 border-nhs-red bg-nhs-white py-3 pl-5">
                  <p className="mb-2 font-bold">
                    The file will be rejected unless these are put right (here, or in the file):
                  </p>
                  <ul className="list-disc space-y-1 pl-6">
                    {headerMatch.problems.map((problem) => (
                      <li key={`${problem.column}-${problem.message}`}>{problem.message}</li>
                    ))}
                  </ul>
                </div>
              )}
              {missingColumns.length === 0 && headerMatch?.ok && (
                <p className="mb-4 font-bold">Every required column is present.</p>
              )}
              <ColumnMappingTable
                format={format}
                targets={targets}
                sample={csv.rows[0]}
                isDisabled={upload.isPending}
                onChange={(header, target) => {
                  setChoices((current) => ({ ...current, [header]: target }));
                  resetResult();
                }}
              />
              <h3 className="mt-8 mb-3 text-[1.375rem] font-bold">Preview</h3>
              {csv.rows.length === 0 ? (
                <p>No data rows in the first 64 KB of the file.</p>
              ) : (
                <>
                  <p className="mb-3 text-nhs-dark-grey">
                    The first {Math.min(csv.rows.length, PREVIEW_ROWS)} rows, as read by your browser. Every
                    row is checked when you import.
                  </p>
                  <FilePreviewTable targets={targets} rows={csv.rows} />
                </>
              )}
            </>
          )}
        </Fieldset>
      )}

      <div className="mt-2 mb-6 flex flex-wrap gap-4">
        <Button onClick={() => start(false)} disabled={upload.isPending}>
          Import
        </Button>
        <SecondaryButton onClick={() => start(true)} disabled={upload.isPending}>
          Check only (dry run)
        </SecondaryButton>
      </div>

      {upload.isPending && (
        <ImportProgress progress={upload.progress} isDryRun={upload.variables?.dryRun ?? false} />
      )}

      {/* One polite announcement when the import ends; the details follow on the page. */}
      <p role="status" className="sr-only">
        {result
          ? `${IMPORT_STATUS_TEXT[result.status].label}. ${IMPORT_STATUS_TEXT[result.status].meaning}`
          : upload.isError
            ? 'The import could not be run.'
            : ''}
      </p>

      {upload.isError && (
        <div className="max-w-3xl border-l-8 border-nhs-red bg-nhs-white py-4 pl-6">
          <h3 className="mb-2 text-[1.375rem] font-bold">The import could not be run</h3>
          <p>{upload.error.message}</p>
          <p className="mt-2">Nothing was imported.</p>
        </div>
      )}
      {result && <ImportResult result={result} />}
    </Panel>
  );
}
