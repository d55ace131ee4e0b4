-- The number of consultants in a meeting's unit as it started, so that the meetings list leaves out a small unit's
-- meetings (mayReadTotalsOf in lib/server/reviews/read-meeting.ts) without detoasting every snapshot's agenda on
-- every load. Meetings started before now take it from their snapshot's people, which getMeeting counts; the
-- snapshot itself is never updated (20261126140000_review_records_never_updated), the meeting row is.
ALTER TABLE "review_meetings" ADD COLUMN "people_count" INTEGER;

UPDATE "review_meetings" m
   SET "people_count" = COALESCE(
         (SELECT jsonb_array_length(s."agenda"->'people')
            FROM "review_snapshots" s
           WHERE s."organisation_id" = m."organisation_id" AND s."meeting_id" = m."id"),
         0);

ALTER TABLE "review_meetings" ALTER COLUMN "people_count" SET NOT NULL;
