CREATE TABLE "databases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schema_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"target" text NOT NULL,
	"database_name" text NOT NULL,
	"role_name" text NOT NULL,
	"password_sealed" text NOT NULL,
	"next_password_sealed" text,
	"status" text NOT NULL,
	"operation" text NOT NULL,
	"job_id" uuid,
	"version" integer,
	"target_version" integer NOT NULL,
	"progress" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ready_at" timestamp with time zone,
	"dropped_at" timestamp with time zone,
	"detached_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "databases" ADD CONSTRAINT "databases_schema_id_schemas_id_fk" FOREIGN KEY ("schema_id") REFERENCES "public"."schemas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "databases_schema_live_key" ON "databases" USING btree ("schema_id") WHERE "databases"."status" <> 'dropped';--> statement-breakpoint
CREATE UNIQUE INDEX "databases_target_database_live_key" ON "databases" USING btree ("target","database_name") WHERE "databases"."status" <> 'dropped';--> statement-breakpoint
CREATE UNIQUE INDEX "databases_target_role_live_key" ON "databases" USING btree ("target","role_name") WHERE "databases"."status" <> 'dropped';--> statement-breakpoint
CREATE INDEX "databases_owner_idx" ON "databases" USING btree ("owner_id","created_at");