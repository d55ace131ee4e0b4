'use client';

import { type DragEvent, type ReactNode, useRef, useState } from 'react';
import { classNames } from './class-names';

interface FileDropZoneProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Accepted types, as for `<input accept>`. */
  accept?: string;
  /** The chosen file's name, shown under the input. */
  fileName?: string | null;
  /** What is wrong (e.g. no file chosen), shown above the input and announced with it. */
  error?: string;
  onFileChange: (file: File | null) => void;
}

/**
 * A file input that also takes a file dragged onto it. The native input stays in place, so choosing a file works
 * with the keyboard and screen readers as usual; dropping is a shortcut for pointer users.
 */
export function FileDropZone({ id, label, hint, accept, fileName, error, onFileChange }: FileDropZoneProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [isDragging, setIsDragging] = useState(false);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;

  const handleDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setIsDragging(false);
    const files = event.dataTransfer.files;
    const file = files[0];
    if (!file) return;
    // Keep the input in step with what was dropped, so that it names the file too.
    if (inputRef.current) inputRef.current.files = files;
    onFileChange(file);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop target is a pointer shortcut; the input inside is the accessible control.
    <div
      className={classNames(
        'mb-6 max-w-3xl border-4 border-dashed p-6',
        isDragging
          ? 'border-nhs-blue bg-nhs-pale-grey'
          : error
            ? 'border-nhs-red bg-nhs-white'
            : 'border-nhs-dark-grey bg-nhs-white',
      )}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setIsDragging(true);
      }}
      onDragLeave={() => setIsDragging(false)}
      onDrop={handleDrop}
    >
      <label htmlFor={id} className="mb-1 block text-[1.375rem] font-bold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="mb-3 text-nhs-dark-grey">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mb-3 font-bold text-nhs-red">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept={accept}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className="block w-full max-w-xl cursor-pointer file:mr-4 file:cursor-pointer file:rounded-[4px] file:border-2 file:border-nhs-blue file:bg-nhs-white file:px-4 file:py-2 file:font-bold file:text-nhs-blue"
        onChange={(event) => onFileChange(event.target.files?.[0] ?? null)}
      />
      <p className="mt-3 text-nhs-dark-grey" aria-hidden="true">
        {isDragging ? 'Drop the file to choose it.' : 'Or drag and drop the file here.'}
      </p>
      {fileName && (
        <p className="mt-2">
          Chosen: <strong>{fileName}</strong>
        </p>
      )}
    </div>
  );
}
