import type { Metadata } from 'next';
import { NotFoundMessage } from '@/components/shell/not-found-message';

export const metadata: Metadata = { title: 'Page not found' };

/** A page of the signed-in area that is not there or not the reader's: inside the area's own shell, not a second. */
export default function NotFound() {
  return <NotFoundMessage />;
}
