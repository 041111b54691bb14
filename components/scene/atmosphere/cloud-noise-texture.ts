// The baked cloud noise as a GPU texture: repeating, mipmapped so the far cloud sea
// averages out instead of shimmering.
import { DataTexture, LinearFilter, LinearMipmapLinearFilter, RedFormat, RepeatWrapping, UnsignedByteType } from 'three';
import { CLOUD_NOISE_SIZE_PX, cloudNoiseTexels } from '@/scenes/atmosphere/cloud-noise';

export function createCloudNoiseTexture(): DataTexture {
  const texture = new DataTexture(
    cloudNoiseTexels(CLOUD_NOISE_SIZE_PX),
    CLOUD_NOISE_SIZE_PX,
    CLOUD_NOISE_SIZE_PX,
    RedFormat,
    UnsignedByteType,
  );
  texture.name = 'yunshan-cloud-noise';
  texture.wrapS = RepeatWrapping;
  texture.wrapT = RepeatWrapping;
  texture.magFilter = LinearFilter;
  texture.minFilter = LinearMipmapLinearFilter;
  texture.generateMipmaps = true;
  texture.unpackAlignment = 1;
  texture.needsUpdate = true;
  return texture;
}
