import { Skeleton } from '@/components/ui/skeleton';

/** The data-quality page's shape while its counts load. */
export default function DataQualityLoading() {
  return (
    <div aria-busy="true">
      <p className="sr-only" role="status">
        Loading data quality…
      </p>
      <Skeleton className="mb-8 h-12 w-1/2 max-w-xl" />
      {['unknown', 'noPlan', 'duplicates', 'timestamps'].map((key) => (
        <Skeleton key={key} className="mb-8 h-48 w-full" />
      ))}
    </div>
  );
}
