-- A review meeting's snapshot is the record of what was discussed, and an action's events are its history: once
-- written, neither is ever changed, by the app or by anyone with SQL. Deleting stays possible (an organisation's
-- data removed as a whole, or a meeting deleted with its snapshot).
CREATE FUNCTION refuse_update_of_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are never changed once written', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER review_snapshots_never_updated
  BEFORE UPDATE ON review_snapshots
  FOR EACH ROW EXECUTE FUNCTION refuse_update_of_record();

CREATE TRIGGER action_events_never_updated
  BEFORE UPDATE ON action_events
  FOR EACH ROW EXECUTE FUNCTION refuse_update_of_record();
