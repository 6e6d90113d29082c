import { DomainError } from '@app/domain';
import { Injectable, PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id cannot name anything: 404, like an id that does not exist. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly notFound: 'SUBMISSION_NOT_FOUND' | 'PERIOD_NOT_FOUND' | 'NOTIFICATION_NOT_FOUND' | 'FORM_DRAFT_NOT_FOUND' | 'TEMPLATE_DRAFT_NOT_FOUND' | 'NOT_FOUND' = 'NOT_FOUND') {}
  transform(value: string): string {
    if (!UUID.test(value)) throw new DomainError(this.notFound, 'Không tìm thấy.');
    return value.toLowerCase();
  }
}
