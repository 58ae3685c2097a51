#!/usr/bin/env node
// The `trellis` command: the compiled CLI (npm run build) does the work.
import('../dist/main.js').then((m) => m.main(process.argv)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
