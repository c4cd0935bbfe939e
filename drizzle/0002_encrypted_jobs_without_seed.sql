ALTER TABLE "jobs" ALTER COLUMN "seed" DROP NOT NULL;--> statement-breakpoint
-- Encrypted jobs stored before this migration: forget their seed, which with the configuration would regenerate the patients.
UPDATE "jobs" SET "seed" = NULL, "config" = "config" - 'seed' WHERE "use_encryption";
