CREATE TABLE "usage_counts" (
	"minute" timestamp with time zone NOT NULL,
	"key_id" uuid NOT NULL,
	"network" text DEFAULT '' NOT NULL,
	"route" text NOT NULL,
	"status_class" smallint NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"patients" bigint DEFAULT 0 NOT NULL,
	"unauthorized" integer DEFAULT 0 NOT NULL,
	"rate_limited_minute" integer DEFAULT 0 NOT NULL,
	"rate_limited_hour" integer DEFAULT 0 NOT NULL,
	"rate_limited_day" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_counts_minute_key_id_network_route_status_class_pk" PRIMARY KEY("minute","key_id","network","route","status_class")
);
--> statement-breakpoint
CREATE INDEX "usage_counts_key_minute_idx" ON "usage_counts" USING btree ("key_id","minute");--> statement-breakpoint
-- The per-request rows become minute aggregates. Their 429s cannot say which window refused them,
-- so they count in the 4xx class only; a demo client's address keeps only its IPv4 /24.
INSERT INTO "usage_counts" ("minute", "key_id", "network", "route", "status_class", "requests", "patients", "unauthorized")
SELECT date_trunc('minute', u."occurred_at"), u."key_id",
	CASE WHEN k."is_demo" AND u."client_ip" ~ '^[0-9]{1,3}(\.[0-9]{1,3}){3}$'
		THEN regexp_replace(u."client_ip", '\.[0-9]+$', '.0/24') ELSE '' END,
	CASE WHEN u."method" = 'JOB' THEN 'JOB' ELSE u."method" || ' ' || u."route" END,
	CASE WHEN u."status_code" / 100 BETWEEN 2 AND 5 THEN u."status_code" / 100 ELSE 5 END,
	count(*) FILTER (WHERE u."method" <> 'JOB'),
	coalesce(sum(u."patients_generated"), 0),
	count(*) FILTER (WHERE u."status_code" = 401)
FROM "api_key_usage" u LEFT JOIN "api_keys" k ON k."id" = u."key_id"
GROUP BY 1, 2, 3, 4, 5;
