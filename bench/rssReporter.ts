/** Preloaded into a measured process: at exit, writes its peak resident memory where the bench asked. */
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_REPORT;
if (target) {
  process.on('exit', () => {
    // maxRSS is in kilobytes.
    writeFileSync(target, JSON.stringify({ rssMB: process.resourceUsage().maxRSS / 1024 }));
  });
}
