// Which frame store a process uses, from its environment, checked once at start so a typo
// in a bucket name or endpoint fails with a message naming the setting, not at the first
// segment. Local disk is the default; object storage is one setting away. Credentials are
// never settings here: the AWS SDK's default chain finds them (AWS_ACCESS_KEY_ID and
// AWS_SECRET_ACCESS_KEY, AWS_PROFILE, an instance or pod role).
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_FRAMES_DIR } from './local-frame-store';

export type FrameStoreSettings =
  | { kind: 'local'; framesDir: string }
  | {
      kind: 's3';
      bucket: string;
      /** '' or a folder ending in '/'. */
      prefix: string;
      endpoint: string | undefined;
      region: string;
      forcePathStyle: boolean;
    };

/** An empty value, as compose files and systemd units often leave, means "not set". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const EnvSchema = z.object({
  YUNSHAN_FRAME_STORE: optional(z.enum(['local', 's3'], { error: 'must be "local" (the default) or "s3"' })),
  YUNSHAN_FRAMES_DIR: optional(z.string().trim()),
  YUNSHAN_S3_ENDPOINT: optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL, e.g. http://127.0.0.1:9000' })),
  // S3's bucket naming rules, which OSS and COS share: 3–63 lowercase letters, digits, dots and hyphens.
  YUNSHAN_S3_BUCKET: optional(
    z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3–63 lowercase letters, digits, dots and hyphens'),
  ),
  YUNSHAN_S3_REGION: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]+$/, 'must be a region name such as us-east-1, oss-cn-hangzhou or ap-guangzhou'),
  ),
  YUNSHAN_S3_PREFIX: optional(
    z
      .string()
      .trim()
      .transform((value) => value.replace(/^\/+|\/+$/g, ''))
      .refine(
        (value) => value === '' || value.split('/').every((part) => /^[A-Za-z0-9._-]+$/.test(part) && part !== '.' && part !== '..'),
        'must be folder names of letters, digits, ".", "_" and "-", separated by "/"',
      ),
  ),
  YUNSHAN_S3_FORCE_PATH_STYLE: optional(z.enum(['0', '1', 'true', 'false'], { error: 'must be 1 or 0' })),
  AWS_REGION: optional(z.string()),
});

const S3_SETTINGS = [
  'YUNSHAN_S3_ENDPOINT',
  'YUNSHAN_S3_BUCKET',
  'YUNSHAN_S3_REGION',
  'YUNSHAN_S3_PREFIX',
  'YUNSHAN_S3_FORCE_PATH_STYLE',
] as const;

export function parseFrameStoreSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd: string = process.cwd(),
): FrameStoreSettings {
  const invalid = (problems: string[]) => new Error(`Invalid frame store settings: ${problems.join('; ')}`);
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  const settings = parsed.data;
  if ((settings.YUNSHAN_FRAME_STORE ?? 'local') === 'local') {
    const strays = S3_SETTINGS.filter((name) => settings[name] !== undefined);
    // Half a switch to object storage would bake to local disk while the operator looks in the bucket.
    if (strays.length > 0)
      throw invalid([`${strays.join(', ')} set, but YUNSHAN_FRAME_STORE is not "s3" (set YUNSHAN_FRAME_STORE=s3 to use object storage)`]);
    return { kind: 'local', framesDir: path.resolve(cwd, settings.YUNSHAN_FRAMES_DIR || DEFAULT_FRAMES_DIR) };
  }
  const problems: string[] = [];
  if (settings.YUNSHAN_S3_BUCKET === undefined) problems.push('YUNSHAN_S3_BUCKET: required when YUNSHAN_FRAME_STORE=s3');
  const endpoint = settings.YUNSHAN_S3_ENDPOINT;
  // A custom endpoint (MinIO, s3rver) usually ignores the region; AWS itself needs one.
  const region = settings.YUNSHAN_S3_REGION ?? settings.AWS_REGION ?? (endpoint !== undefined ? 'us-east-1' : undefined);
  if (region === undefined)
    problems.push('YUNSHAN_S3_REGION: required for AWS S3 (or set AWS_REGION, or YUNSHAN_S3_ENDPOINT for another S3-compatible server)');
  if (problems.length > 0 || settings.YUNSHAN_S3_BUCKET === undefined || region === undefined) throw invalid(problems);
  const prefix = settings.YUNSHAN_S3_PREFIX ?? '';
  return {
    kind: 's3',
    bucket: settings.YUNSHAN_S3_BUCKET,
    prefix: prefix === '' ? '' : `${prefix}/`,
    endpoint,
    region,
    forcePathStyle: settings.YUNSHAN_S3_FORCE_PATH_STYLE === '1' || settings.YUNSHAN_S3_FORCE_PATH_STYLE === 'true',
  };
}

/** One line for logs: where frames are kept. */
export function describeFrameStoreSettings(settings: FrameStoreSettings): string {
  if (settings.kind === 'local') return settings.framesDir;
  return `s3://${settings.bucket}/${settings.prefix} (${settings.endpoint ?? 'AWS S3'}, ${settings.region}${settings.forcePathStyle ? ', path-style' : ''})`;
}
