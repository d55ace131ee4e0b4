/** The first focusable element: lets keyboard users jump past the header and navigation. */
export function SkipLink() {
  return (
    <a
      href="#main-content"
      className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:p-2 focus:text-[1.1875rem]"
    >
      Skip to main content
    </a>
  );
}
