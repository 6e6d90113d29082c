export * from './password';
export * from './password-policy';
