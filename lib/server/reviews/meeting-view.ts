import type { AgendaCategory, AgendaView, ReviewActivity, ReviewUnitLevel } from '@/lib/shared/review-agenda';

/** A review meeting as a reader sees it. */
export interface MeetingSummary {
  id: number;
  unit: { level: ReviewUnitLevel; id: number; code: string; name: string };
  period: { from: string; to: string };
  activity: ReviewActivity;
  status: 'in_progress' | 'closed';
  startedAt: string;
  closedAt: string | null;
}

export interface MeetingView extends MeetingSummary {
  /** The numbers as they were when the meeting started (never changed by later imports), with the actions agreed
   * in the meeting as they stand now. */
  agenda: AgendaView;
  /** The same agenda built now, for comparison; null when not asked for. */
  live: AgendaView | null;
  /** Headline figures that differ between the snapshot and now. */
  changes: {
    metricId: string;
    /** The activity category of a per-category figure (patients or cases per session). */
    category?: AgendaCategory;
    label: string;
    frozen: number | null;
    live: number | null;
  }[];
  isAnonymised: boolean;
}
