CREATE TABLE "schema_versions" (
	"schema_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL,
	"change_note" text,
	CONSTRAINT "schema_versions_schema_id_version_pk" PRIMARY KEY("schema_id","version")
);
--> statement-breakpoint
CREATE TABLE "schemas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "schema_versions" ADD CONSTRAINT "schema_versions_schema_id_schemas_id_fk" FOREIGN KEY ("schema_id") REFERENCES "public"."schemas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "schemas_owner_name_live_key" ON "schemas" USING btree ("owner_id","name") WHERE "schemas"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "schemas_owner_updated_live_idx" ON "schemas" USING btree ("owner_id","updated_at" DESC NULLS FIRST) WHERE "schemas"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "schemas_owner_created_live_idx" ON "schemas" USING btree ("owner_id","created_at" DESC NULLS FIRST) WHERE "schemas"."deleted_at" IS NULL;