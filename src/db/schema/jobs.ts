import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
// Types only: the columns hold these domain values, and nothing of those modules runs here.
import type { Scenario } from '../../generator/index.js';
import type { OutputFormat } from '../../output/index.js';
import { createdAt, utcTimestamp } from './columns.js';

/** A job's life: pending → queued → running → completed, failed or cancelled. */
export const JOB_STATUSES = ['pending', 'queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const JOB_PRIORITIES = ['low', 'normal', 'high'] as const;
export type JobPriority = (typeof JOB_PRIORITIES)[number];

/**
 * Generation jobs. A job belongs to the key that made it (`owner_key_id`) and,
 * for the shared demo key, to the client IP too (`owner_subject`).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    ownerKeyId: uuid('owner_key_id'),
    ownerSubject: text('owner_subject').notNull().default(''),
    status: text('status').$type<JobStatus>().notNull().default('pending'),
    progress: integer('progress').notNull().default(0),
    /** NULL for an encrypted job: its seed is kept only in the memory of the instance running it. */
    seed: text('seed'),
    totalPatients: integer('total_patients').notNull(),
    /** The request as the client sent it, minus any password (and minus the seed when encrypted). */
    config: jsonb('config').$type<Record<string, unknown>>().notNull(),
    /** The normalised scenario the worker generates from. */
    scenario: jsonb('scenario').$type<Scenario>().notNull(),
    outputFormats: text('output_formats').array().$type<OutputFormat[]>().notNull(),
    useCompression: boolean('use_compression').notNull().default(false),
    useEncryption: boolean('use_encryption').notNull().default(false),
    priority: text('priority').$type<JobPriority>().notNull().default('normal'),
    error: text('error'),
    summary: jsonb('summary').$type<Record<string, unknown>>(),
    outputFiles: jsonb('output_files').$type<{ name: string; bytes: number }[]>().notNull().default([]),
    /** The instance running the job; with `heartbeat_at` it tells a live run from an orphan. */
    workerId: text('worker_id'),
    heartbeatAt: utcTimestamp('heartbeat_at'),
    patientsGenerated: integer('patients_generated').notNull().default(0),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    createdAt: createdAt(),
    startedAt: utcTimestamp('started_at'),
    completedAt: utcTimestamp('completed_at'),
    expiresAt: utcTimestamp('expires_at'),
  },
  (t) => [
    index('jobs_owner_idx').on(t.ownerKeyId, t.createdAt),
    index('jobs_status_idx').on(t.status, t.createdAt),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
export type NewJobRow = typeof jobs.$inferInsert;
