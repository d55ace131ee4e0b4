'use client';

import './globals.css';

/**
 * Last-resort boundary for errors in the root layout itself, which replaces the whole document; it cannot use
 * the app shell (that is what failed), so it is plain and self-contained.
 */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en-GB">
      <body className="bg-nhs-pale-grey p-8 text-nhs-black">
        <main className="max-w-3xl space-y-4">
          <h1 className="text-4xl font-bold">Sorry, Fulfil is not available</h1>
          <p>The application could not start this page. The problem may be temporary, so please try again.</p>
          <button
            type="button"
            onClick={retry}
            className="rounded bg-nhs-blue px-4 py-2 font-bold text-nhs-white"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
