/*
 * Stands in for the npm package "side-channel" in the browser bundle (vite.config.ts).
 *
 * qs, which Inertia's router uses for query strings, keeps the objects it is walking in a
 * side channel to detect cycles. The real package supports any key through get-intrinsic,
 * call-bound and object-inspect: ~35 kB minified, 10 kB of the 160 kB gzipped the Downloads
 * page used to load first. qs only ever uses objects as keys, which a WeakMap holds.
 * side-channel.test.ts checks this against the real package.
 */
"use strict";

module.exports = function getSideChannel() {
  const map = new WeakMap();
  return {
    assert(key) {
      if (!map.has(key)) throw new TypeError("Side channel does not contain the given key");
    },
    delete(key) {
      return map.delete(key);
    },
    get(key) {
      return map.get(key);
    },
    has(key) {
      return map.has(key);
    },
    set(key, value) {
      map.set(key, value);
    },
  };
};
