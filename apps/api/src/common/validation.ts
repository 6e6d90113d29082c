import { DomainError, ErrorDetail } from '@app/domain';
import { ArgumentMetadata, Type, ValidationError, ValidationPipe } from '@nestjs/common';
import type { TransformerPackage } from '@nestjs/common/interfaces/external/transformer-package.interface';
import { classToPlain, plainToInstance } from 'class-transformer';

const CONSTRAINT_MESSAGES: Record<string, string> = {
  whitelistValidation: 'trường này không được phép',
  isDefined: 'bắt buộc phải có',
  isString: 'phải là chuỗi ký tự',
  isInt: 'phải là số nguyên',
  isNotEmpty: 'không được để trống',
  isArray: 'phải là một danh sách',
  arrayMaxSize: 'danh sách quá dài',
  arrayMinSize: 'danh sách không được rỗng',
  maxLength: 'quá dài',
  minLength: 'quá ngắn',
  min: 'quá nhỏ',
  max: 'quá lớn',
  isIn: 'giá trị không hợp lệ',
  isEnum: 'giá trị không hợp lệ',
  isUuid: 'phải là mã định danh (UUID) hợp lệ',
  isObject: 'phải là một đối tượng',
  nestedValidation: 'không hợp lệ',
  isEmail: 'phải là địa chỉ e-mail hợp lệ',
  isBoolean: 'phải là true hoặc false',
  matches: 'không đúng định dạng',
};

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.keys(e.constraints ?? {}).map((constraint) => ({
      field,
      code: 'VALIDATION_FAILED' as const,
      message: `${field}: ${CONSTRAINT_MESSAGES[constraint] ?? 'không hợp lệ'}.`,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

const SHALLOW_BODY = Symbol('shallow-body');

/**
 * For a body DTO whose nested items its service checks by hand (SaveValuesDto: the 50 values of a
 * form save): the DTO is built from the top-level fields only, instead of class-transformer copying
 * every nested object first. Whitelisting and the DTO's own rules still apply to those fields.
 */
export function ShallowBody(): ClassDecorator {
  return (target) => Reflect.defineMetadata(SHALLOW_BODY, true, target);
}

const transformer: TransformerPackage = {
  plainToInstance<T>(cls: Type<T>, plain: unknown, options?: object): T | T[] {
    if (isShallow(cls) && typeof plain === 'object' && plain !== null && !Array.isArray(plain)) {
      return Object.assign(new cls() as object, plain) as T;
    }
    return plainToInstance(cls, plain, options);
  },
  classToPlain: (object, options) => classToPlain(object, options),
};

const isShallow = (metatype: unknown): boolean => typeof metatype === 'function' && Reflect.getMetadata(SHALLOW_BODY, metatype) === true;

/**
 * ValidationPipe, except that for a @ShallowBody() request body it does not walk the whole nested
 * value twice (deleting prototype keys, closing array gaps) before building the DTO: the body is
 * JSON parsed by Fastify, which refuses `__proto__` and `constructor.prototype` and cannot produce
 * a sparse array, and the service reads each nested item by hand, refusing any key it does not know.
 * (Both walks run synchronously at the start of `transform`, before its first await.)
 */
class AppValidationPipe extends ValidationPipe {
  private walk = true;

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    this.walk = !(metadata.type === 'body' && isShallow(metadata.metatype));
    try {
      return super.transform(value, metadata);
    } finally {
      this.walk = true;
    }
  }

  protected override stripProtoKeys(value: unknown): void {
    if (this.walk) super.stripProtoKeys(value);
  }

  protected override closeArrayGaps(value: unknown): void {
    if (this.walk) super.closeArrayGaps(value);
  }
}

/** whitelist + forbidNonWhitelisted + transform, with Vietnamese messages and field paths. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    transformerPackage: transformer,
    exceptionFactory: (errors) =>
      new DomainError('VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', flatten(errors)),
  });
}
