// Lets a child process of a test require the TypeScript sources, compiled by swc as jest does.
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');
const swc = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '.swcrc'), 'utf8'));
const Module = require('node:module');

require.extensions['.ts'] = function compile(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swc, swcrc: false, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};

const aliases = { '@app/contracts': 'libs/contracts/src', '@app/domain': 'libs/domain/src', '@app/database': 'libs/database/src', '@app/config': 'libs/config/src', '@app/security': 'libs/security/src', '@app/queue': 'libs/queue/src', '@app/signing': 'libs/signing/src' };
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  for (const [alias, target] of Object.entries(aliases)) {
    if (request === alias || request.startsWith(`${alias}/`)) {
      request = path.join(__dirname, '..', '..', target, request.slice(alias.length));
      break;
    }
  }
  return resolve.call(this, request, ...rest);
};
