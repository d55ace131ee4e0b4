'use client';

import { type FormEvent, useId, useState } from 'react';
import { ErrorMessage, Hint, Label, Select, TextInput } from '@/components/ui/form';
import { SecondaryButton } from '@/components/ui/secondary-button';
import { useCreateSourceProfile } from '@/lib/client/hooks/use-create-source-profile';
import { useSourceProfiles } from '@/lib/client/hooks/use-source-profiles';
import type { ImportKindSlug } from '@/lib/shared/import-formats';
import type { ColumnMapping } from '@/lib/shared/import-headers';

interface SourceProfilePickerProps {
  kind: ImportKindSlug;
  selectedId: number | null;
  onSelect: (id: number | null) => void;
  /** The mapping the save form would store; null when there is nothing to save (no columns read). */
  mappingToSave: ColumnMapping | null;
  isDisabled?: boolean;
}

/** Choose a saved column mapping for this kind, or save the current one under a name. */
export function SourceProfilePicker({
  kind,
  selectedId,
  onSelect,
  mappingToSave,
  isDisabled,
}: SourceProfilePickerProps) {
  const id = useId();
  const profiles = useSourceProfiles(kind);
  const createProfile = useCreateSourceProfile();
  const [name, setName] = useState('');
  const [savedName, setSavedName] = useState<string | null>(null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!mappingToSave) return;
    setSavedName(null);
    createProfile.mutate(
      { kind, name: name.trim(), mapping: mappingToSave },
      {
        onSuccess: (profile) => {
          setSavedName(profile.name);
          setName('');
          onSelect(profile.id);
        },
      },
    );
  };

  const selectHintId = `${id}-select-hint`;
  return (
    <div className="mb-6 grid gap-6 lg:grid-cols-2">
      <div>
        <Label htmlFor={`${id}-select`}>Saved column mapping</Label>
        <Hint id={selectHintId}>
          {profiles.isPending
            ? 'Loading the saved mappings…'
            : profiles.isError
              ? 'The saved mappings could not be loaded.'
              : profiles.data.length === 0
                ? 'None saved yet for this kind.'
                : 'A mapping saved from an earlier file of the same system.'}
        </Hint>
        <Select
          id={`${id}-select`}
          aria-describedby={selectHintId}
          value={selectedId ?? ''}
          disabled={isDisabled || !profiles.data?.length}
          onChange={(event) => onSelect(event.target.value === '' ? null : Number(event.target.value))}
        >
          <option value="">None: match the columns by name</option>
          {profiles.data?.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.name}
            </option>
          ))}
        </Select>
      </div>
      {mappingToSave && (
        <form onSubmit={save} aria-label="Save this column mapping">
          <Label htmlFor={`${id}-name`}>Save this mapping as</Label>
          <Hint id={`${id}-name-hint`}>A name for the source system, e.g. “PAS nightly extract”.</Hint>
          {createProfile.isError && (
            <ErrorMessage id={`${id}-name-error`}>{createProfile.error.message}</ErrorMessage>
          )}
          <div className="flex flex-wrap items-start gap-3">
            <TextInput
              id={`${id}-name`}
              value={name}
              maxLength={100}
              required
              disabled={isDisabled}
              aria-describedby={`${id}-name-hint${createProfile.isError ? ` ${id}-name-error` : ''}`}
              onChange={(event) => setName(event.target.value)}
              className="flex-1"
            />
            <SecondaryButton
              type="submit"
              disabled={isDisabled || createProfile.isPending || name.trim() === ''}
            >
              {createProfile.isPending ? 'Saving…' : 'Save mapping'}
            </SecondaryButton>
          </div>
          <p role="status" className="mt-2">
            {savedName && `Saved the mapping “${savedName}”.`}
          </p>
        </form>
      )}
    </div>
  );
}
