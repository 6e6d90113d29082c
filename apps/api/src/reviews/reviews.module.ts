import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module';
import { ReviewsController } from './reviews.controller';

@Module({ imports: [SubmissionsModule], controllers: [ReviewsController] })
export class ReviewsModule {}
