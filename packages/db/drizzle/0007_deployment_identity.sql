CREATE TABLE "database_tombstones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target" text NOT NULL,
	"database_name" text NOT NULL,
	"role_name" text NOT NULL,
	"removed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deployment" (
	"singleton" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deployment_singleton" CHECK ("deployment"."singleton")
);
--> statement-breakpoint
CREATE INDEX "database_tombstones_target_database_idx" ON "database_tombstones" USING btree ("target","database_name");--> statement-breakpoint
-- Hand-written (drizzle-kit does not model triggers): whatever deletes a databases row (the
-- cascade from its design's row, an operator) leaves a tombstone, the reconciler's evidence
-- that what the row's jobs created on the server is this deployment's and may be dropped.
CREATE FUNCTION "database_tombstone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "database_tombstones" ("target", "database_name", "role_name")
  VALUES (OLD."target", OLD."database_name", OLD."role_name");
  RETURN OLD;
END
$$;--> statement-breakpoint
CREATE TRIGGER "databases_tombstone" AFTER DELETE ON "databases"
  FOR EACH ROW EXECUTE FUNCTION "database_tombstone"();
