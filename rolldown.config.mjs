// The command runs from one bundle (lib/), built from tsc's output in dist/: Node's module loader
// costs about 1 ms a file, and a worker thread loads its modules again, so ~60 small modules made
// every start and every worker boot 40-80 ms slower (npm run bench). Analyses loaded on demand
// stay in chunks of their own; dist/ stays for the library entry points and the scripts.
export default {
  input: { main: 'dist/cli/main.js', worker: 'dist/run/worker.js' },
  platform: 'node',
  output: {
    dir: 'lib',
    format: 'esm',
    // runner.ts starts `./worker.js` next to itself: the worker entry keeps that name
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    cleanDir: true,
  },
  logLevel: 'warn',
};
