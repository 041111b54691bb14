// Frame store settings from the environment: local disk unless YUNSHAN_FRAME_STORE=s3, and a
// message naming the setting for each mistake an operator is likely to make.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { describeFrameStoreSettings, parseFrameStoreSettings } from '@/server/frame-store/frame-store-settings';
import { LocalFrameStore } from '@/server/frame-store/local-frame-store';
import { openFrameStore } from '@/server/frame-store/open-frame-store';

const S3 = { YUNSHAN_FRAME_STORE: 's3', YUNSHAN_S3_BUCKET: 'yunshan-frames' };

describe('frame store settings', () => {
  test('no settings: local disk at data/frames; YUNSHAN_FRAMES_DIR moves it', () => {
    assert.deepEqual(parseFrameStoreSettings({}, '/srv/app'), { kind: 'local', framesDir: '/srv/app/data/frames' });
    assert.deepEqual(parseFrameStoreSettings({ YUNSHAN_FRAME_STORE: 'local', YUNSHAN_FRAMES_DIR: 'baked' }, '/srv/app'), {
      kind: 'local',
      framesDir: '/srv/app/baked',
    });
    assert.deepEqual(
      parseFrameStoreSettings({ YUNSHAN_FRAME_STORE: '', YUNSHAN_S3_BUCKET: ' ' }, '/srv/app'),
      { kind: 'local', framesDir: '/srv/app/data/frames' },
      'empty means unset',
    );
  });

  test('object storage: endpoint, bucket, region, prefix and path style', () => {
    assert.deepEqual(
      parseFrameStoreSettings({
        ...S3,
        YUNSHAN_S3_ENDPOINT: 'http://127.0.0.1:9000',
        YUNSHAN_S3_PREFIX: '/prod/frames/',
        YUNSHAN_S3_FORCE_PATH_STYLE: '1',
      }),
      {
        kind: 's3',
        bucket: 'yunshan-frames',
        prefix: 'prod/frames/',
        endpoint: 'http://127.0.0.1:9000',
        region: 'us-east-1',
        forcePathStyle: true,
      },
    );
    const cos = parseFrameStoreSettings({
      ...S3,
      YUNSHAN_S3_BUCKET: 'frames-1250000000',
      YUNSHAN_S3_ENDPOINT: 'https://cos.ap-guangzhou.myqcloud.com',
      YUNSHAN_S3_REGION: 'ap-guangzhou',
    });
    assert.deepEqual(cos, {
      kind: 's3',
      bucket: 'frames-1250000000',
      prefix: '',
      endpoint: 'https://cos.ap-guangzhou.myqcloud.com',
      region: 'ap-guangzhou',
      forcePathStyle: false,
    });
    assert.equal(parseFrameStoreSettings({ ...S3, AWS_REGION: 'eu-west-1' }).kind, 's3', 'AWS itself: the region from AWS_REGION');
    assert.match(
      describeFrameStoreSettings(cos),
      /^s3:\/\/frames-1250000000\/ \(https:\/\/cos\.ap-guangzhou\.myqcloud\.com, ap-guangzhou\)$/,
    );
  });

  test('each mistake names its setting', () => {
    const fails = (env: Record<string, string>, pattern: RegExp) => assert.throws(() => parseFrameStoreSettings(env), pattern);
    fails({ YUNSHAN_FRAME_STORE: 'minio' }, /YUNSHAN_FRAME_STORE: must be "local" \(the default\) or "s3"/);
    fails({ YUNSHAN_FRAME_STORE: 's3', YUNSHAN_S3_ENDPOINT: 'http://x:9000' }, /YUNSHAN_S3_BUCKET: required/);
    fails({ ...S3 }, /YUNSHAN_S3_REGION: required for AWS S3/);
    fails({ ...S3, YUNSHAN_S3_BUCKET: 'Frames_Bucket', AWS_REGION: 'x' }, /YUNSHAN_S3_BUCKET: must be a bucket name/);
    fails({ ...S3, YUNSHAN_S3_ENDPOINT: 'ftp://x', AWS_REGION: 'x' }, /YUNSHAN_S3_ENDPOINT: must be an http/);
    fails({ ...S3, YUNSHAN_S3_ENDPOINT: 'localhost:9000', AWS_REGION: 'x' }, /YUNSHAN_S3_ENDPOINT/);
    fails({ ...S3, AWS_REGION: 'x', YUNSHAN_S3_PREFIX: 'a/../b' }, /YUNSHAN_S3_PREFIX: must be folder names/);
    fails({ ...S3, AWS_REGION: 'x', YUNSHAN_S3_FORCE_PATH_STYLE: 'yes' }, /YUNSHAN_S3_FORCE_PATH_STYLE: must be 1 or 0/);
    fails({ YUNSHAN_S3_BUCKET: 'yunshan-frames' }, /YUNSHAN_S3_BUCKET set, but YUNSHAN_FRAME_STORE is not "s3"/);
  });

  test('openFrameStore with no settings opens the local store at the frames folder, touching nothing', async () => {
    const opened = await openFrameStore(parseFrameStoreSettings({}, '/nonexistent/app'));
    assert.ok(opened.store instanceof LocalFrameStore);
    assert.equal(opened.location, '/nonexistent/app/data/frames');
    assert.equal(opened.posterLocation('wulingyuan', 3), '/nonexistent/app/data/frames/posters/wulingyuan/r3.jpg');
    await opened.close();
  });
});
