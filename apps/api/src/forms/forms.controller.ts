import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { FormTemplateViewService } from './form-template-view.service';

/** Biểu mẫu, read-only (editing a template means publishing a new version: later). Officers see theirs through their submissions. */
@ApiTags('forms')
@ApiBearerAuth()
@Controller('forms')
@Roles('admin', 'reviewer', 'signer')
export class FormsController {
  constructor(private readonly templates: FormTemplateViewService) {}

  @Get()
  list() {
    return this.templates.list();
  }

  @Get(':id')
  get(@Param('id', new UuidParamPipe()) id: string) {
    return this.templates.get(id);
  }
}
