-- Hand-written (drizzle-kit does not model triggers): every change of a database's state (its
-- status, the job in flight, the step the worker reached, the version it holds) is announced on
-- the channel `schema_builder_database_events`, in the transaction that makes it, so no write
-- path can forget it and listeners see it only once it is committed. API instances LISTEN and
-- pass it on to subscribers (the events stream, `?wait=` on the status route). The payload names
-- the design and the database and carries only their state: never names, errors or secrets.
CREATE FUNCTION "database_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('schema_builder_database_events', json_build_object(
    'schemaId', NEW."schema_id",
    'databaseId', NEW."id",
    'status', NEW."status",
    'operation', NEW."operation",
    'progress', NEW."progress",
    'busy', NEW."job_id" IS NOT NULL,
    'version', NEW."version",
    'targetVersion', NEW."target_version",
    'at', NEW."updated_at"
  )::text);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "databases_event_insert" AFTER INSERT ON "databases"
  FOR EACH ROW EXECUTE FUNCTION "database_event"();--> statement-breakpoint
CREATE TRIGGER "databases_event_update" AFTER UPDATE ON "databases"
  FOR EACH ROW WHEN (
    OLD."status" IS DISTINCT FROM NEW."status"
    OR OLD."job_id" IS DISTINCT FROM NEW."job_id"
    OR OLD."progress" IS DISTINCT FROM NEW."progress"
    OR OLD."version" IS DISTINCT FROM NEW."version"
    OR OLD."operation" IS DISTINCT FROM NEW."operation"
  ) EXECUTE FUNCTION "database_event"();
