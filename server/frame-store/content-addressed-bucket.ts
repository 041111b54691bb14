// Objects in an S3-compatible bucket named by the SHA-256 of their bytes
// (<prefix>blobs/sha256/<hex>), and small pointer objects, at names a reader can work out
// from a key, that say which blob holds the current bytes. A pointer is written only after
// its blob is stored, so a reader that finds a pointer finds a whole blob; writing the same
// bytes again writes the same two objects, so a retried or duplicated write is harmless.
import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { sha256Hex } from './chunk-entry';

const POINTER_FORMAT = 'yunshan-pointer/1';

const PointerSchema = z.strictObject({
  format: z.literal(POINTER_FORMAT),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
});

/** Which blob a pointer names, and how many bytes it holds. */
export interface BlobRef {
  sha256: string;
  size: number;
}

export type PointerRead = { kind: 'missing' } | { kind: 'malformed'; reason: string } | { kind: 'found'; blob: BlobRef };

/** The bytes a reader may trust: the blob's size and SHA-256 equal what its pointer says, or why not. */
export function blobMismatch(bytes: Uint8Array, blob: BlobRef): string | null {
  if (bytes.byteLength !== blob.size) return `the object holds ${bytes.byteLength} bytes, its pointer says ${blob.size}`;
  if (sha256Hex(bytes) !== blob.sha256) return 'SHA-256 of the object does not match its name';
  return null;
}

/** A missing object, as opposed to a missing bucket, refused access or a server that cannot be reached. */
function isMissingObject(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (name === 'NoSuchBucket') return false;
  return name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404;
}

export class ContentAddressedBucket {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
    /** '' or a folder ending in '/'. */
    readonly prefix: string,
  ) {}

  blobName(sha256: string): string {
    return `${this.prefix}blobs/sha256/${sha256}`;
  }

  pointerName(parts: readonly string[]): string {
    return `${this.prefix}${parts.join('/')}`;
  }

  /** Stores the bytes under their SHA-256, then points `pointerParts` at them. */
  async store(pointerParts: readonly string[], parts: readonly Uint8Array[]): Promise<BlobRef> {
    const bytes = Buffer.concat(parts);
    const blob: BlobRef = { sha256: sha256Hex(bytes), size: bytes.byteLength };
    await this.put(this.blobName(blob.sha256), bytes, 'application/octet-stream');
    // Only now: a pointer must never name a blob that is not all there.
    const pointer = Buffer.from(`${JSON.stringify({ format: POINTER_FORMAT, sha256: blob.sha256, size: blob.size })}\n`, 'utf8');
    await this.put(this.pointerName(pointerParts), pointer, 'application/json');
    return blob;
  }

  async pointerExists(pointerParts: readonly string[]): Promise<boolean> {
    const name = this.pointerName(pointerParts);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: name }));
      return true;
    } catch (error) {
      if (isMissingObject(error)) return false;
      throw this.failure('HEAD', name, error);
    }
  }

  async readPointer(pointerParts: readonly string[]): Promise<PointerRead> {
    const bytes = await this.get(this.pointerName(pointerParts));
    if (bytes === null) return { kind: 'missing' };
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      return { kind: 'malformed', reason: 'its pointer is not JSON' };
    }
    const parsed = PointerSchema.safeParse(json);
    return parsed.success
      ? { kind: 'found', blob: { sha256: parsed.data.sha256, size: parsed.data.size } }
      : { kind: 'malformed', reason: 'its pointer is malformed' };
  }

  /** The blob's bytes as stored (the caller checks them with blobMismatch), or null when it is gone. */
  async readBlob(blob: BlobRef): Promise<Buffer | null> {
    return this.get(this.blobName(blob.sha256));
  }

  /** Fails with a message an operator can act on when the bucket is missing, refused or out of reach. */
  async checkReachable(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
      const status = $metadata?.httpStatusCode;
      const why =
        status === 404 || name === 'NotFound' || name === 'NoSuchBucket'
          ? 'the bucket does not exist (create it first)'
          : status === 403 || status === 401
            ? 'access denied (check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY and the bucket policy)'
            : `${name ?? 'error'}: ${(error as Error).message}`;
      throw new Error(`Frame store bucket "${this.bucket}" is not usable: ${why}`, { cause: error });
    }
  }

  private async put(name: string, bytes: Buffer, contentType: string): Promise<void> {
    try {
      // Content-MD5 makes the server refuse a body damaged on the way (every S3-compatible server checks it).
      const contentMd5 = createHash('md5').update(bytes).digest('base64');
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: name, Body: bytes, ContentType: contentType, ContentMD5: contentMd5 }),
      );
    } catch (error) {
      throw this.failure('PUT', name, error);
    }
  }

  private async get(name: string): Promise<Buffer | null> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: name }));
      if (response.Body === undefined) return Buffer.alloc(0);
      const bytes = await response.Body.transformToByteArray();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw this.failure('GET', name, error);
    }
  }

  private failure(verb: string, name: string, error: unknown): Error {
    const { name: errorName } = error as { name?: string };
    return new Error(`Frame store: ${verb} s3://${this.bucket}/${name} failed (${errorName ?? 'error'}: ${(error as Error).message})`, {
      cause: error,
    });
  }
}
