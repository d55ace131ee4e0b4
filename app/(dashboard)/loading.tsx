import { Skeleton } from '@/components/ui/skeleton';

export default function DashboardLoading() {
  return (
    <div role="status">
      <span className="sr-only">Loading the page…</span>
      <Skeleton className="mb-8 h-[3rem] w-2/3 max-w-2xl" />
      <div className="bg-nhs-white p-6 sm:p-8">
        <Skeleton className="mb-6 h-[2rem] w-1/3" />
        {[1, 2, 3, 4, 5].map((row) => (
          <Skeleton key={row} className="mb-3 h-[1.75rem] w-full" />
        ))}
      </div>
    </div>
  );
}
