CREATE TABLE "catalog_objects" (
	"connection_id" uuid NOT NULL,
	"path" text NOT NULL,
	"kind" text NOT NULL,
	"parent_path" text NOT NULL,
	"name" text NOT NULL,
	"details" jsonb NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_syncs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added" integer NOT NULL,
	"removed" integer NOT NULL,
	"changed" integer NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_objects" ADD CONSTRAINT "catalog_objects_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_syncs" ADD CONSTRAINT "catalog_syncs_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_objects_connection_path_key" ON "catalog_objects" USING btree ("connection_id","path");--> statement-breakpoint
CREATE INDEX "catalog_objects_parent_idx" ON "catalog_objects" USING btree ("connection_id","parent_path");--> statement-breakpoint
CREATE INDEX "catalog_syncs_connection_idx" ON "catalog_syncs" USING btree ("connection_id","finished_at" DESC NULLS FIRST);