export * from './signer';
export * from './p12-signer';
export * from './cades';
export * from './pdf-signature';
export * from './test-pki';
export * from './verify';
export * from './layout';
export * from './report-signing';
