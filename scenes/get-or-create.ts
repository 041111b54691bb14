// The one memo pattern the scene code uses (worlds per scene, timelines per route, geometry per
// world and tier): look the key up, build and remember on a miss. Values are objects, never falsy.
export function getOrCreate<K, V>(cache: Map<K, V>, key: K, create: () => V): V;
export function getOrCreate<K extends object, V>(cache: WeakMap<K, V>, key: K, create: () => V): V;
export function getOrCreate<K extends object, V>(cache: Map<K, V> | WeakMap<K, V>, key: K, create: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = create();
    cache.set(key, value);
  }
  return value;
}
