// Builds the task pane and the ribbon command into dist/web, with the manifest and icons.
// `npm run build -- --env baseUrl=https://intranet.example/reform` rewrites the manifest's URLs.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const DEV_URL = 'https://localhost:3000';
/**
 * The syntax level of every bundle: ES2020 (WebView2, Safari 14, current browsers). Older engines
 * (Internet Explorer 11, EdgeHTML in Office 2016/2019) run only src/boot/boot.js, which says so.
 * test/taskpane/es5.test.ts parses every bundle at this level.
 */
const CLAIMED_TARGET = 'es2020';

/** Copies the icons and the manifest (with the chosen base URL) into the output. */
class CopyAddinFiles {
  constructor(baseUrl) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyAddinFiles', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CopyAddinFiles', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const { RawSource } = compiler.webpack.sources;
          for (const file of fs.readdirSync(path.join(__dirname, 'assets'))) {
            compilation.emitAsset(
              `assets/${file}`,
              new RawSource(fs.readFileSync(path.join(__dirname, 'assets', file))),
            );
          }
          // The preview opens on the sample workbooks, listed in examples/index.json.
          const samples = [
            'kasama-r2.xlsx',
            ...fs
              .readdirSync(path.join(__dirname, 'examples', 'departments'))
              .sort()
              .map((f) => `departments/${f}`),
          ];
          for (const file of samples) {
            compilation.emitAsset(
              `examples/${file}`,
              new RawSource(fs.readFileSync(path.join(__dirname, 'examples', file))),
            );
          }
          compilation.emitAsset('examples/index.json', new RawSource(JSON.stringify(samples)));
          // The ES5 first script and the page it opens on an engine too old for the bundles, as written.
          for (const file of ['boot.js', 'too-old.html']) {
            compilation.emitAsset(
              file,
              new RawSource(fs.readFileSync(path.join(__dirname, 'src', 'boot', file))),
            );
          }
          const manifest = fs
            .readFileSync(path.join(__dirname, 'manifest', 'manifest.xml'), 'utf8')
            .split(DEV_URL)
            .join(this.baseUrl);
          compilation.emitAsset('manifest.xml', new RawSource(manifest));
        },
      );
    });
  }
}

/**
 * Writes dist/bundle-report.json: for each page, the JavaScript it loads first and the chunks it
 * loads later (by import()), for the bundle budget test and the benchmarks. Kept out of dist/web.
 */
class BundleReport {
  apply(compiler) {
    compiler.hooks.done.tap('BundleReport', (stats) => {
      const compilation = stats.compilation;
      const jsFiles = (group) =>
        [...new Set(group.chunks.flatMap((c) => [...c.files]))].filter((f) => f.endsWith('.js'));
      const report = {};
      for (const [name, entry] of compilation.entrypoints) {
        const initial = jsFiles(entry);
        const lazy = [];
        const seen = new Set();
        const visit = (group) => {
          for (const child of group.getChildren()) {
            if (seen.has(child)) continue;
            seen.add(child);
            const files = jsFiles(child).filter((f) => !initial.includes(f));
            lazy.push({ name: child.name || files.join('+'), files });
            visit(child);
          }
        };
        visit(entry);
        // The pages with a ribbon or pane load the ES5 first script before their bundle.
        const boot = name === 'taskpane' || name === 'commands' ? ['boot.js'] : [];
        report[name] = { initial: [...boot, ...initial], lazy };
      }
      fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
      fs.writeFileSync(path.join(__dirname, 'dist', 'bundle-report.json'), JSON.stringify(report, null, 2));
    });
  }
}

/** office-addin-dev-certs writes these; its own loader throws here, so read the files directly. */
function devCertificates() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const file = (name) => path.join(dir, name);
  if (!['localhost.crt', 'localhost.key'].every((n) => fs.existsSync(file(n)))) return undefined;
  return {
    cert: fs.readFileSync(file('localhost.crt')),
    key: fs.readFileSync(file('localhost.key')),
    ...(fs.existsSync(file('ca.crt')) ? { ca: fs.readFileSync(file('ca.crt')) } : {}),
  };
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const baseUrl = env.baseUrl || DEV_URL;
  const certs = devCertificates();
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      preview: './src/preview/index.tsx',
    },
    output: {
      path: path.join(__dirname, 'dist', 'web'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // Node's built-ins are never needed in the browser bundles.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false },
    },
    module: {
      rules: [
        {
          // The core is pure (lint-enforced): its modules have no side effects, so whatever a bundle does
          // not use from the door (src/core/index.ts) is left out rather than evaluated.
          test: /[\\/]src[\\/]core[\\/]/,
          sideEffects: false,
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic' } },
                target: CLAIMED_TARGET,
              },
            },
          },
        },
        {
          // Dependencies too: Fluent UI ships ES2022 (class static blocks), zod ES2020; all of it is
          // brought down to the level the pages claim (docs/excel-compatibility.md).
          test: /\.m?js$/,
          include: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: { parser: { syntax: 'ecmascript' }, target: CLAIMED_TARGET },
              isModule: 'unknown',
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        template: './src/preview/preview.html',
        chunks: ['preview'],
        scriptLoading: 'defer',
      }),
      new CopyAddinFiles(baseUrl),
      new BundleReport(),
    ],
    performance: { hints: false },
    devServer: {
      port: 3000,
      static: { directory: path.join(__dirname, 'dist', 'web') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: certs ? { type: 'https', options: certs } : 'https',
    },
  };
};
