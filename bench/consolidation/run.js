// Runs the TypeScript benchmark with the same swc transform as the tests.
require('../../test/support/swc-register.js');
require('./bench.ts');
