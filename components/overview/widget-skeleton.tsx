import { Skeleton } from '@/components/ui/skeleton';

const ROW_KEYS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];

/** Placeholder for a dashboard widget while its numbers load. */
export function WidgetSkeleton({ label, rows = 4 }: { label: string; rows?: number }) {
  return (
    <div role="status" className="mb-8 bg-nhs-white p-6 sm:p-8">
      <span className="sr-only">Loading {label}…</span>
      <Skeleton className="mb-6 h-[2rem] w-1/3" />
      {ROW_KEYS.slice(0, rows).map((row) => (
        <Skeleton key={row} className="mb-3 h-[1.75rem] w-full" />
      ))}
    </div>
  );
}

export function TilesSkeleton() {
  return (
    <div role="status" className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <span className="sr-only">Loading the headline figures…</span>
      {ROW_KEYS.slice(0, 6).map((tile) => (
        <Skeleton key={tile} className="h-[14rem] w-full" />
      ))}
    </div>
  );
}
