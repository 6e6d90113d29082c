/**
 * Nest's monorepo build bundles each app with webpack; swc-loader compiles TypeScript (with
 * decorator metadata) in a fraction of ts-loader's time. Type checking is `npm run typecheck`.
 */
const fs = require('node:fs');
const path = require('node:path');
const swc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));

module.exports = (options) => ({
  ...options,
  devtool: 'source-map',
  module: {
    rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'swc-loader', options: { ...swc, swcrc: false } } }],
  },
  plugins: (options.plugins || []).filter((p) => p.constructor && p.constructor.name !== 'ForkTsCheckerWebpackPlugin'),
});
