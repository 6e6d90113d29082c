import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommonPasswords, passwordProblem } from './password-policy';

const COMMON = parseCommonPasswords(readFileSync(join(__dirname, '..', '..', '..', 'config', 'security', 'common-passwords.txt'), 'utf8'));

describe('password policy', () => {
  it.each([
    ['short', 'Demo@2024'],
    ['short', 'abc'],
    ['common', 'password1234'],
    ['common', 'Password1234!'],
    ['common', 'matkhau@123456'],
    ['common', 'ubndlangson2025'],
    ['username', 'officer-snn-2025!x'],
    ['username', 'my officer.snn pass'],
    ['repetitive', 'aaaaaaaaaaaa'],
  ])('refuses a %s password: %s', (_kind, password) => {
    expect(passwordProblem(password, 'officer.snn', COMMON)).not.toBeNull();
  });

  it.each(['mua xuan tren dinh Mau Son', 'Kx9#pL2!vR7q', 'đồng đăng biên giới 2025'])('accepts %s', (password) => {
    expect(passwordProblem(password, 'officer.snn', COMMON)).toBeNull();
  });

  it('counts characters, not bytes, and has an upper bound', () => {
    expect(passwordProblem('đồngđăngbiên', 'x', COMMON)).toBeNull(); // 12 letters
    expect(passwordProblem('đồngđăngbiê', 'x', COMMON)).toMatch(/12 ký tự/);
    expect(passwordProblem('a1'.repeat(101), 'x', COMMON)).toMatch(/200/);
  });

  it('reads the shipped list, comments aside', () => {
    expect(COMMON.size).toBeGreaterThan(200);
    expect([...COMMON].some((p) => p.startsWith('#'))).toBe(false);
  });
});
