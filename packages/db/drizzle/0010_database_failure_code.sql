ALTER TABLE "databases" ADD COLUMN "last_error_code" text;--> statement-breakpoint
ALTER TABLE "databases" ADD COLUMN "last_error_sql_state" text;