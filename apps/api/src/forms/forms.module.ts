import { Module } from '@nestjs/common';
import { FormCatalogService } from './form-catalog.service';
import { FormTemplateViewService } from './form-template-view.service';
import { FormsController } from './forms.controller';

@Module({ controllers: [FormsController], providers: [FormCatalogService, FormTemplateViewService], exports: [FormCatalogService] })
export class FormsModule {}
