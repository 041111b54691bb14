// The baked noises as GPU textures: one byte per texel, repeating in every direction and
// linearly filtered, so a shader can sample them at any scale without seams.
import {
  Data3DTexture,
  DataTexture,
  LinearFilter,
  LinearMipmapLinearFilter,
  RedFormat,
  RepeatWrapping,
  UnsignedByteType,
  type Texture,
} from 'three';
import { CLOUD_NOISE_SIZE_PX, cloudNoiseTexels } from '@/scenes/atmosphere/cloud-noise';
import { VOLUME_NOISE_SIZE_PX, volumeNoiseTexels } from './cinematic/volume-noise';

function asRepeatingByteNoise<T extends Texture>(texture: T): T {
  texture.format = RedFormat;
  texture.type = UnsignedByteType;
  texture.wrapS = RepeatWrapping;
  texture.wrapT = RepeatWrapping;
  texture.magFilter = LinearFilter;
  texture.unpackAlignment = 1;
  texture.needsUpdate = true;
  return texture;
}

/** The cloud layers' noise tile, mipmapped so the far cloud sea averages out instead of shimmering. */
export function createCloudNoiseTexture(): DataTexture {
  const size = CLOUD_NOISE_SIZE_PX;
  const texture = asRepeatingByteNoise(new DataTexture(cloudNoiseTexels(size), size, size));
  texture.name = 'yunshan-cloud-noise';
  texture.minFilter = LinearMipmapLinearFilter;
  texture.generateMipmaps = true;
  return texture;
}

/** The volumetric pass's noise cube: the march samples it at its own step, so no mipmaps. */
export function createVolumeNoiseTexture(): Data3DTexture {
  const size = VOLUME_NOISE_SIZE_PX;
  const texture = asRepeatingByteNoise(new Data3DTexture(volumeNoiseTexels(size), size, size, size));
  texture.wrapR = RepeatWrapping;
  texture.minFilter = LinearFilter;
  return texture;
}
