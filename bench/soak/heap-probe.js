'use strict';
/**
 * Preloaded into the soak's API (node -r bench/soak/heap-probe.js): appends the process's memory to
 * SOAK_HEAP_FILE every SOAK_HEAP_EVERY_MS, one JSON line each, after a full GC when node runs with
 * --expose-gc (the heap a leak leaves, not the garbage between two collections). Bench only: the
 * product does not know it is there.
 */
const fs = require('node:fs');

const file = process.env.SOAK_HEAP_FILE;
if (file) {
  const every = Number(process.env.SOAK_HEAP_EVERY_MS || 5000);
  const timer = setInterval(() => {
    if (typeof global.gc === 'function') global.gc();
    const m = process.memoryUsage();
    fs.appendFileSync(file, `${JSON.stringify({ at: Date.now(), heapUsed: m.heapUsed, heapTotal: m.heapTotal, rss: m.rss, external: m.external })}\n`);
  }, every);
  timer.unref();
}
