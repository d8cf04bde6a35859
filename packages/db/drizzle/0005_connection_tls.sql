ALTER TABLE "connections" ADD COLUMN "ssl_mode" text DEFAULT 'prefer' NOT NULL;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "ssl_root_cert" text;