CREATE TABLE "connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"host" text,
	"port" integer,
	"database" text,
	"username" text,
	"secret_sealed" text,
	"uses_connection_string" boolean DEFAULT false NOT NULL,
	"color" text,
	"active" boolean DEFAULT true NOT NULL,
	"last_tested_at" timestamp with time zone,
	"last_test_result" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "connections_owner_name_key" ON "connections" USING btree ("owner_id","name");--> statement-breakpoint
CREATE INDEX "connections_owner_created_idx" ON "connections" USING btree ("owner_id","created_at" DESC NULLS FIRST);