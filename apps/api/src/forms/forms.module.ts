import { Module } from '@nestjs/common';
import { FormCatalogService } from './form-catalog.service';
import { FormDraftsController } from './form-drafts.controller';
import { FormDraftsService } from './form-drafts.service';
import { FormTemplateViewService } from './form-template-view.service';
import { FormsController } from './forms.controller';

@Module({ controllers: [FormsController, FormDraftsController], providers: [FormCatalogService, FormTemplateViewService, FormDraftsService], exports: [FormCatalogService] })
export class FormsModule {}
