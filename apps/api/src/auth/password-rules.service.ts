import { AppConfig, InjectConfig, loadCommonPasswordsText } from '@app/config';
import { DomainError } from '@app/domain';
import { parseCommonPasswords, passwordProblem } from '@app/security';
import { Injectable } from '@nestjs/common';

/** The password policy with the shipped list of common passwords, read once. */
@Injectable()
export class PasswordRules {
  private readonly common: ReadonlySet<string>;

  constructor(@InjectConfig() config: AppConfig) {
    this.common = parseCommonPasswords(loadCommonPasswordsText(config.TONGHOP_CONFIG_DIR));
  }

  /** Throws WEAK_PASSWORD (400) with the reason when the password may not be used by this user. */
  check(password: string, username: string, field = 'password'): void {
    const problem = passwordProblem(password, username, this.common);
    if (problem) throw new DomainError('WEAK_PASSWORD', problem, [{ field, code: 'WEAK_PASSWORD', message: problem }]);
  }
}
