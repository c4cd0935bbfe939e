import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  ARCHIVE,
  type ByteRange,
  type FileStore,
  FileStoreUnavailableError,
  type ReadBytes,
} from './file-store.js';
import { jobFileKey, jobFolderKey, jobIdOfEntry } from './job-file-keys.js';

export interface S3FileStoreOptions {
  bucket: string;
  /** Prepended to every key (`milmed/` keeps the service's objects apart in a shared bucket). */
  prefix: string;
  /** A custom endpoint (MinIO, Ceph, s3rver...); unset: AWS. */
  endpoint?: string;
  /** Unset: the SDK's chain (`AWS_REGION`, the shared config file). */
  region?: string;
  forcePathStyle: boolean;
  /** Unset: the SDK's default credential chain (environment, shared files, instance or task role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Parts of a multipart upload: the SDK holds `QUEUE` of them in memory per upload. */
const PART_BYTES = 8 * 1024 * 1024;
const QUEUE = 4;
/** DeleteObjects takes at most this many keys per call. */
const DELETE_BATCH = 1000;

/**
 * Job files as objects in an S3-compatible bucket, with the official AWS SDK v3. Uploads stream the
 * local file in parts (lib-storage), reads ask for a byte range, so no file is ever held in memory
 * whole. Every instance configured with the same bucket and prefix serves the same files.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly options: S3FileStoreOptions) {
    const config: S3ClientConfig = {
      forcePathStyle: options.forcePathStyle,
      ...(options.endpoint && {
        endpoint: options.endpoint,
        // Newer SDKs add CRC checksums (as trailers of chunk-encoded uploads) that many S3-compatible
        // servers do not understand; with a custom endpoint, send them only where S3 requires them.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
      ...(options.region && { region: options.region }),
      // A copy: the SDK marks where the credentials came from on the object, and the config's is frozen.
      ...(options.credentials && { credentials: { ...options.credentials } }),
    };
    this.client = new S3Client(config);
  }

  /**
   * Fails fast, at start-up, when the SDK finds no region: otherwise the first job would fail with it.
   * Makes no request.
   */
  async checkRegion(): Promise<void> {
    try {
      await this.client.config.region();
    } catch {
      throw new Error('S3_REGION is not set and the AWS SDK found no region (AWS_REGION or ~/.aws/config)');
    }
  }

  async put(jobId: string, name: string, localPath: string): Promise<void> {
    const Key = this.key(jobId, name);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key, Body: createReadStream(localPath) },
      partSize: PART_BYTES,
      queueSize: QUEUE,
    });
    await this.call(() => upload.done());
  }

  async size(jobId: string, name: string): Promise<number | undefined> {
    const Key = this.key(jobId, name);
    const head = await this.call(() =>
      this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key })),
    );
    return head?.ContentLength;
  }

  async stream(jobId: string, name: string, range?: ByteRange): Promise<Readable | undefined> {
    const Key = this.key(jobId, name);
    const object = await this.call(() =>
      this.client.send(
        new GetObjectCommand({
          Bucket: this.options.bucket,
          Key,
          ...(range && { Range: `bytes=${range.start}-${range.end}` }),
        }),
      ),
    );
    // In Node the body is the HTTP response itself (an IncomingMessage): a stream, never buffered.
    const body = object?.Body as Readable | undefined;
    if (body && range && object?.ContentLength !== range.end - range.start + 1) {
      // A server that ignored or misread the range (s3rver reads `bytes=0-0` as the whole object):
      // its bytes would not match the Content-Range the client is told.
      body.destroy();
      throw new FileStoreUnavailableError(
        `object storage answered ${object?.ContentRange ?? 'the whole object'}`,
      );
    }
    return body;
  }

  async read(jobId: string, name: string, range: ByteRange): Promise<ReadBytes | undefined> {
    const Key = this.key(jobId, name);
    const object = await this.call(() =>
      this.client.send(
        new GetObjectCommand({
          Bucket: this.options.bucket,
          Key,
          Range: `bytes=${range.start}-${range.end}`,
        }),
      ),
    ).catch(async (err: unknown) => {
      // A range that starts past the end (S3 answers 416): nothing to read, as on disk.
      if ((err as FileStoreUnavailableError).code !== 'InvalidRange') throw err;
      return 'past-end' as const;
    });
    if (object === undefined) return undefined;
    if (object === 'past-end') {
      const size = await this.size(jobId, name);
      return size === undefined ? undefined : { bytes: Buffer.alloc(0), size };
    }
    const body = object.Body;
    const bytes = body
      ? Buffer.from((await this.call(() => body.transformToByteArray())) ?? [])
      : Buffer.alloc(0);
    // `Content-Range: bytes 0-260/12345`: the size of the whole object is after the slash.
    const size = Number(/\/(\d+)$/.exec(object.ContentRange ?? '')?.[1] ?? bytes.length);
    return { bytes, size };
  }

  async remove(jobId: string): Promise<void> {
    const keys = [this.key(jobId, ARCHIVE), ...(await this.list(this.options.prefix + jobFolderKey(jobId)))];
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const batch = keys.slice(i, i + DELETE_BATCH);
      const result = await this.call(() =>
        this.client.send(
          new DeleteObjectsCommand({
            Bucket: this.options.bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        ),
      );
      const failed = result?.Errors?.filter((e) => e.Code !== 'NoSuchKey') ?? [];
      if (failed.length) {
        throw new FileStoreUnavailableError(
          `S3 did not delete ${failed.length} object(s): ${failed[0]!.Code}`,
        );
      }
    }
  }

  async jobIds(): Promise<string[]> {
    const root = `${this.options.prefix}jobs/`;
    const ids = new Set<string>();
    let token: string | undefined;
    do {
      const page = await this.call(() =>
        this.client.send(
          new ListObjectsV2Command({
            Bucket: this.options.bucket,
            Prefix: root,
            Delimiter: '/',
            ContinuationToken: token,
          }),
        ),
      );
      const entries = [
        ...(page?.CommonPrefixes ?? []).map((p) => p.Prefix?.slice(root.length, -1)),
        ...(page?.Contents ?? []).map((c) => c.Key?.slice(root.length)),
      ];
      for (const entry of entries) {
        const id = entry === undefined ? undefined : jobIdOfEntry(entry);
        if (id) ids.add(id);
      }
      token = page?.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return [...ids];
  }

  async ping(): Promise<void> {
    await this.call(() => this.client.send(new HeadBucketCommand({ Bucket: this.options.bucket })));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  private key(jobId: string, name: string): string {
    return this.options.prefix + jobFileKey(jobId, name);
  }

  /** Every key under `prefix`, page by page. */
  private async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.call(() =>
        this.client.send(
          new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: prefix, ContinuationToken: token }),
        ),
      );
      for (const object of page?.Contents ?? []) if (object.Key) keys.push(object.Key);
      token = page?.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  /**
   * Runs one S3 call: a missing object resolves `undefined`; any other failure (unreachable,
   * refused, throttled) rejects with FileStoreUnavailableError carrying S3's error name.
   */
  private async call<T>(request: () => Promise<T>): Promise<T | undefined> {
    try {
      return await request();
    } catch (err) {
      // HEAD answers a bare 404, which the SDK names NotFound; GET names it NoSuchKey.
      const name = (err as Error).name;
      if (name === 'NoSuchKey' || name === 'NotFound') return undefined;
      throw new FileStoreUnavailableError(`object storage failed: ${name || 'error'}`, name, err);
    }
  }
}
