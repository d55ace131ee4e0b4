import Link from 'next/link';
import { ErrorMessage, Fieldset, Radio } from '@/components/ui/form';
import { IMPORT_FORMATS, IMPORT_KIND_SLUGS, type ImportKindSlug } from '@/lib/shared/import-formats';

interface KindPickerProps {
  value: ImportKindSlug | null;
  onChange: (kind: ImportKindSlug) => void;
  error?: string;
  isDisabled?: boolean;
}

/** Step 1: which kind of extract the file is. */
export function KindPicker({ value, onChange, error, isDisabled }: KindPickerProps) {
  return (
    <Fieldset legend="1. What are you importing?">
      <p className="mb-4 text-nhs-dark-grey">
        Each kind has its own columns: see the{' '}
        <Link href="/imports/formats">import formats and templates</Link>.
      </p>
      {error && <ErrorMessage id="import-kind-error">{error}</ErrorMessage>}
      <div className="grid gap-x-8 md:grid-cols-2">
        {IMPORT_KIND_SLUGS.map((slug) => (
          <Radio
            key={slug}
            id={`import-kind-${slug}`}
            name="import-kind"
            value={slug}
            checked={value === slug}
            disabled={isDisabled}
            onChange={() => onChange(slug)}
            label={IMPORT_FORMATS[slug].label}
            hint={IMPORT_FORMATS[slug].description}
            errorId={error ? 'import-kind-error' : undefined}
          />
        ))}
      </div>
    </Fieldset>
  );
}
