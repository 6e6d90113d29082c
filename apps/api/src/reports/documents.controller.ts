import type { VerificationView } from '@app/contracts';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { VerificationService } from './verification.service';

/** Kiểm tra văn bản: anyone signed in drops a PDF and learns whether it is an issued document of this system, intact, and who signed it when. */
@ApiTags('documents')
@ApiBearerAuth()
@Roles('officer', 'reviewer', 'signer', 'clerk', 'admin')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly verification: VerificationService) {}

  @Post('verify')
  @HttpCode(200)
  @ApiConsumes('application/pdf')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  verify(@Body() pdf: Buffer): Promise<VerificationView> {
    return this.verification.verify(pdf);
  }
}
