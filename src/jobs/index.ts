/**
 * Jobs: the generation service (the scenario of a job or stream resolved within the caller's limits,
 * and a job queued), generation jobs and their storage scoped by owner, the queues that hand jobs to
 * workers (in-process, or pg-boss on PostgreSQL), and the runner that executes them in worker
 * threads. Imports `db`, `generator`, `output`, `keys` (the patient limit) and `configurations`
 * (stored scenarios); never HTTP.
 */
// The generation task itself (generator, output writers, exceljs) is loaded only by the worker
// thread, so the CLI and the server's main thread do not pay for importing it.
export type { GenerationResult, GenerationTask } from './generation-task.js';
export {
  JOB_PRIORITIES,
  JOB_STATUSES,
  type JobPriority,
  JobRepository,
  type JobRow,
  PASSWORD_LOST,
  SERVER_STOPPED,
  type JobStatus,
} from './job-repository.js';
export { JobFiles } from './job-files.js';
export { InProcessQueue } from './in-process-queue.js';
export { INTERRUPTED_BY_SHUTDOWN } from './job-runner.js';
export type {
  Delivery,
  Disposition,
  JobHandlers,
  JobQueue,
  QueuedJob,
  QueueOptions,
} from './job-queue.js';
// PgBossQueue is imported from './pg-boss-queue.js' where needed: the CLI never loads pg-boss.
export type { PgBossQueue, PgBossQueueOptions } from './pg-boss-queue.js';
export {
  type CreateJobInput,
  DEFAULT_TIMEOUT_SECONDS,
  type JobEvent,
  jobDirectory,
  type JobLogger,
  JobService,
  type JobServiceOptions,
} from './job-service.js';
export {
  type GenerationOrder,
  GenerationService,
  type Outcome,
  type Requester,
  type ResolvedScenario,
  type ScenarioRefusal,
  type ScenarioSource,
  type SubmittedJob,
} from './generation-service.js';
export { PatientStream, StreamStalledError, type WorkerFate } from './patient-stream.js';
export { PatientStreams, type PatientStreamsOptions, type StreamOpening } from './patient-streams.js';
export type { StreamTask } from './stream-protocol.js';
