/** Joins class names, skipping the falsy ones: `classNames('a', isActive && 'b')`. */
export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
