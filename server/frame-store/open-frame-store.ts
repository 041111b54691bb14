// The one place that turns frame store settings into a store: the render server, the bake
// command and render nodes all open theirs here, so they agree on where frames live.
import type { FrameStore } from '../bake/bake-contracts';
import { describeFrameStoreSettings, parseFrameStoreSettings, type FrameStoreSettings } from './frame-store-settings';
import { LocalFrameStore } from './local-frame-store';
import { S3FrameStore } from './s3-frame-store';
import type { SegmentContentStore } from './segment-content';

export { parseFrameStoreSettings, describeFrameStoreSettings, type FrameStoreSettings };

export interface OpenedFrameStore {
  /** Segments by key for streaming and baking, and by content for the HTTP segment URLs. */
  store: FrameStore & SegmentContentStore;
  /** Where frames are kept, for logs: a folder or s3://bucket/prefix with its endpoint. */
  location: string;
  /** Where a route revision's poster is kept, for logs. */
  posterLocation(routeId: string, revision: number): string;
  /** Lets go of connections (object storage); nothing to do for local disk. */
  close(): Promise<void>;
}

export interface OpenFrameStoreOptions {
  /** Tests only: object storage credentials; otherwise the AWS SDK's default chain. */
  s3Credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Opens the configured store. For object storage it first asks for the bucket, so a wrong
 * endpoint, bucket or credentials stops the process at start with a message saying which.
 */
export async function openFrameStore(
  settings: FrameStoreSettings = parseFrameStoreSettings(),
  options: OpenFrameStoreOptions = {},
): Promise<OpenedFrameStore> {
  if (settings.kind === 'local') {
    const store = new LocalFrameStore(settings.framesDir);
    return {
      store,
      location: store.root,
      posterLocation: (routeId, revision) => store.posterPath(routeId, revision),
      close: async () => {},
    };
  }
  const store = S3FrameStore.open({ ...settings, credentials: options.s3Credentials });
  try {
    await store.checkReachable();
  } catch (error) {
    store.close();
    throw new Error(`${(error as Error).message} (${describeFrameStoreSettings(settings)})`, { cause: error });
  }
  return {
    store,
    location: describeFrameStoreSettings(settings),
    posterLocation: (routeId, revision) => `${store.location}${store.posterPointer(routeId, revision).join('/')}`,
    close: async () => store.close(),
  };
}
