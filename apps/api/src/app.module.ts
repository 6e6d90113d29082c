import { dataSourceOptions } from '@app/database';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module';
import { FormsModule } from './forms/forms.module';
import { HealthModule } from './health/health.module';
import { PeriodsModule } from './periods/periods.module';
import { ReportsModule } from './reports/reports.module';
import { ReviewsModule } from './reviews/reviews.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static forDatabase(databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        AuthModule,
        FormsModule,
        HealthModule,
        UnitsModule,
        UsersModule,
        PeriodsModule,
        SubmissionsModule,
        ReviewsModule,
        ReportsModule,
      ],
    };
  }
}
