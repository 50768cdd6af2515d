#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled, bundled TypeScript (npm's `prepare` builds lib/).
import('../lib/main.js').then((m) => m.main(process.argv)).catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('lib')) {
    process.stderr.write('corpus: not built yet: run `npm run build` (or `npm ci`) first\n');
    process.exit(2);
  }
  process.stderr.write(`corpus: internal error: ${err && err.message ? err.message : err}\n`);
  process.exit(3);
});
