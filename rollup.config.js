// Bundles src/index.ts into dist/. Code reached only through dynamic import()
// (the artifact client, parsers, zip writer) lands in separate chunks, so the
// skip path of a non-coverage matrix entry never loads it.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

export default {
  input: 'src/index.ts',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: 'index.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // The bundled CommonJS dependencies (Azure SDK, undici) call require();
    // ESM has none, so give each chunk one.
    // dist/index.js also runs as a command on a developer's machine: `node dist/index.js --help`.
    banner: (chunk) =>
      `${chunk.isEntry ? '#!/usr/bin/env node\n' : ''}import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);`,
    sourcemap: false
  },
  // @actions/core imports @actions/http-client (and undici) for OIDC at module
  // load; nothing on our start path uses it. Treating those modules as free of
  // side effects lets the skip path load ~40 KB instead of ~1 MB.
  treeshake: {
    moduleSideEffects: (id) => !/node_modules[\\/](undici|@actions[\\/]http-client)[\\/]/.test(id)
  },
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return
    warn(warning)
  },
  plugins: [
    // isolatedModules off for the build alone: then tsc writes every use of a const enum (the byte codes of
    // src/reports/bytes.ts) as its number, so the readers' hot loops compare with literals.
    typescript({
      tsconfig: './tsconfig.json',
      outDir: 'dist',
      rootDir: 'src',
      outputToFilesystem: false,
      noEmitOnError: true,
      isolatedModules: false
    }),
    nodeResolve({ preferBuiltins: true, exportConditions: ['node', 'import', 'default'] }),
    commonjs(),
    json()
  ]
}
