-- PostgreSQL only (no SQLite migration stands behind it: SQLite's AUTOINCREMENT already gives an alarm log without
-- holes, its counter rolling back with the transaction that drew from it).
-- The alarm log without holes on PostgreSQL too. A sequence value is drawn outside any transaction: an alarm's
-- transaction that rolled back (a deadlock retried, a leader killed with SIGKILL between its INSERT and its COMMIT)
-- left its seq unused for good, and an auditor reading the log could not tell that hole from a deleted event. Every
-- insert into AlarmEvent already holds the log-order lock ("station_log_order_lock", taken by the BEFORE STATEMENT
-- trigger of the baseline): no other transaction draws an alarm seq or commits one until this one ends, so the
-- newest committed seq plus one is free, and it stays free if this transaction rolls back. Each row takes it here;
-- rows earlier in the same statement are seen, so a multi-row INSERT numbers its rows one after another. The
-- column's sequence is still drawn (its default) and stays ahead of every seq given here. Where the lock is switched
-- off (`station.log_order_lock = 'off'`, only lib/db/changes/log-order.pg.test.ts) the sequence's value is kept.
CREATE FUNCTION "station_alarm_event_seq"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('station.log_order_lock', true) IS DISTINCT FROM 'off' THEN
        NEW."seq" := COALESCE((SELECT MAX("seq") FROM "AlarmEvent"), 0) + 1;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER "AlarmEvent_seq_without_holes" BEFORE INSERT ON "AlarmEvent" FOR EACH ROW EXECUTE FUNCTION "station_alarm_event_seq"();
