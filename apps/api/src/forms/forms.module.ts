import { Module } from '@nestjs/common';
import { FormCatalogService } from './form-catalog.service';

@Module({ providers: [FormCatalogService], exports: [FormCatalogService] })
export class FormsModule {}
