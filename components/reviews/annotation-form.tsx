'use client';

import { useId } from 'react';
import { Fieldset, Radio } from '@/components/ui/form';
import { DataPointForm, type DataPointFormProps } from './data-point-form';

/**
 * Adds a note of context to a session, a week or a figure of one consultant ("covering the ward", "list cancelled:
 * no beds"): shared with those who see the consultant named, or kept to its author.
 */
export function AnnotationForm(props: DataPointFormProps) {
  const ids = { shared: useId(), private: useId() };
  return (
    <DataPointForm
      {...props}
      name="Add a note"
      url="/api/annotations"
      text={{ name: 'text', label: 'Note', whenEmpty: 'Write the note.' }}
      readOwnFields={(data) => ({
        visibility: data.get('visibility') === 'private' ? 'private' : 'shared',
      })}
      after={() => (
        <Fieldset legend="Who can read it?" className="mb-4">
          <Radio
            id={ids.shared}
            name="visibility"
            value="shared"
            defaultChecked
            label="Shared"
            hint="Everyone who may see this consultant’s data by name: the consultant, their clinical lead, divisional director and the administrators. Shared notes are shown in review meetings."
          />
          <Radio id={ids.private} name="visibility" value="private" label="Only me" />
        </Fieldset>
      )}
      submit={{ label: 'Add the note', busy: 'Saving…' }}
      sentMessage="Your note has been added."
      opensOnPick
    />
  );
}
