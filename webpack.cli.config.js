// Builds the CLI into one file, dist/cli/reform-progress.js, that bin/reform-progress.js loads.
// One file instead of ~110 CommonJS modules: Node's module loader (resolve, stat, read, wrap, compile
// for each) was about a seventh of `validate`'s time on 50 workbooks (docs/benchmarks.md).
const path = require('node:path');
const webpack = require('webpack');

/**
 * Every character past ASCII written as a \u escape (in strings, the same value; in comments, the
 * same meaning). An ASCII file is read straight into a one-byte string, where the Japanese messages
 * made Node decode the whole ~0.9 MB bundle as UTF-8 into a two-byte one on every run (~2 ms).
 */
class AsciiOnlyPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('AsciiOnlyPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'AsciiOnlyPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        (assets) => {
          for (const [name, asset] of Object.entries(assets)) {
            if (!name.endsWith('.js')) continue;
            const text = asset.source().toString();
            const ascii = text.replace(
              /[\u0080-\uffff]/g,
              (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
            );
            if (ascii !== text) compilation.updateAsset(name, new webpack.sources.RawSource(ascii));
          }
        },
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => ({
  mode: argv.mode === 'development' ? 'development' : 'production',
  target: 'node20',
  devtool: false,
  entry: { 'reform-progress': './src/cli/main.ts' },
  output: {
    path: path.join(__dirname, 'dist', 'cli'),
    filename: '[name].js',
    library: { type: 'commonjs2' },
    clean: true,
  },
  resolve: {
    extensions: ['.ts', '.js'],
    alias: {
      // fflate's plain build (what the pane bundles too) rather than its Node one, which loads
      // worker_threads at start-up for the asynchronous API we never call (~3 ms of every run). The CLI
      // uses only fflate's synchronous functions; they are the same code in both builds.
      fflate$: path.join(__dirname, 'node_modules', 'fflate', 'esm', 'browser.js'),
    },
  },
  optimization: {
    // Readable stack traces in a bug report matter more than the bytes; what the parser skips costs
    // little (V8 compiles a function only when it first runs).
    minimize: false,
    // Each command's modules stay in the one file; they are still evaluated only when the command
    // runs (`validate` evaluates neither the layout nor the writer).
    splitChunks: false,
    runtimeChunk: false,
  },
  module: {
    rules: [
      {
        // The core is pure (lint-enforced): whatever a command does not use from the door
        // (src/core/index.ts) is left out rather than evaluated.
        test: /[\\/]src[\\/]core[\\/]/,
        sideEffects: false,
      },
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'swc-loader',
          options: { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } },
        },
      },
    ],
  },
  plugins: [
    // The reader's fflate loaded only when an entry needs it (src/xlsx/package/softInflateLazy.ts).
    new webpack.NormalModuleReplacementPlugin(/^\.\/softInflate$/, './softInflateLazy'),
    // The commands' lazy imports stay in the main file: one file to read, no chunk to resolve.
    new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
    new AsciiOnlyPlugin(),
  ],
  performance: { hints: false },
  stats: 'errors-warnings',
});
