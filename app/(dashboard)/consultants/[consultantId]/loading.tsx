import { Skeleton } from '@/components/ui/skeleton';

/** The consultant page's shape while its numbers load. */
export default function ConsultantLoading() {
  return (
    <div aria-busy="true">
      <p className="sr-only" role="status">
        Loading the consultant’s sessions…
      </p>
      <Skeleton className="mb-4 h-12 w-2/3 max-w-xl" />
      <Skeleton className="mb-8 h-6 w-full max-w-3xl" />
      <Skeleton className="mb-8 h-20 w-full" />
      <div className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {['a', 'b', 'c', 'd', 'e', 'f'].map((key) => (
          <Skeleton key={key} className="h-32" />
        ))}
      </div>
      <Skeleton className="mb-8 h-72 w-full" />
      <Skeleton className="mb-8 h-64 w-full" />
    </div>
  );
}
