'use client';

import { InputField } from '@/components/ui/field';
import { DataPointForm, type DataPointFormProps } from './data-point-form';

/**
 * Challenges a data point as wrong (a session recorded as lost that was held, a figure that cannot be right): it
 * goes to the administrators' queue, who correct the source data or explain why it stands.
 */
export function ChallengeForm(props: DataPointFormProps) {
  return (
    <DataPointForm
      {...props}
      name="Challenge a figure"
      url="/api/challenges"
      text={{ name: 'reason', label: 'Why it is wrong', whenEmpty: 'Say what is wrong and what is right.' }}
      ownFields={['shownValue']}
      readOwnFields={(data) => {
        const shownValue = String(data.get('shownValue') ?? '').trim();
        return shownValue ? { shownValue } : {};
      }}
      before={({ shownValue }) =>
        shownValue && (
          <InputField
            id={shownValue.id}
            label="What Fulfil shows (optional)"
            hint="For example “Not scheduled” or “62%”."
            error={shownValue.error}
            fieldClassName="mb-4"
            name="shownValue"
            maxLength={200}
          />
        )
      }
      submit={{ label: 'Send the challenge', busy: 'Sending…' }}
      sentMessage="Your challenge has been sent to the administrators. Its outcome will show here."
    />
  );
}
