/**
 * The password rule (NIST SP 800-63B's, not composition rules): at least 12 characters (a phrase of
 * several words is the easy way there), at most 200, not a common password, not the username.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** Reads the shipped list (one per line, # comments) into the set the policy checks. */
export function parseCommonPasswords(text: string): ReadonlySet<string> {
  return new Set(
    text
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith('#')),
  );
}

/** What is wrong with the password, in Vietnamese, or null when it is acceptable. */
export function passwordProblem(password: string, username: string, common: ReadonlySet<string>): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự (có thể là một cụm nhiều từ dễ nhớ, ví dụ "mua xuan tren dinh Mau Son").`;
  }
  if (length > PASSWORD_MAX_LENGTH) return `Mật khẩu dài quá ${PASSWORD_MAX_LENGTH} ký tự.`;
  const lower = password.toLowerCase();
  const compact = lower.replace(/[\s._-]+/g, '');
  // "Password2024!" is "password" with a year and a sign: common all the same
  const stem = compact.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  if (common.has(lower) || common.has(compact) || (stem.length > 0 && common.has(stem))) {
    return 'Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác.';
  }
  const name = username.trim().toLowerCase();
  if (name.length > 0 && (compact.includes(name.replace(/[\s._-]+/g, '')) || lower.includes(name))) {
    return 'Mật khẩu không được chứa tên đăng nhập.';
  }
  if (new Set(compact).size < 4) return 'Mật khẩu lặp lại quá ít ký tự khác nhau. Vui lòng chọn mật khẩu khác.';
  return null;
}
