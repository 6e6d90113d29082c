import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { EnterCalendarYearDto } from './calendar.dto';
import { CalendarService } from './calendar.service';

/** Lịch ngày nghỉ, ngày làm bù: kept by the administrator. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
@Roles('admin')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  overview() {
    return this.calendar.overview();
  }

  @Get(':year')
  year(@Param('year', new ParseIntPipe({ errorHttpStatusCode: 400 })) year: number) {
    return this.calendar.year(year);
  }

  @Put(':year')
  enter(@CurrentUser() actor: Actor, @Param('year', new ParseIntPipe({ errorHttpStatusCode: 400 })) year: number, @Body() body: EnterCalendarYearDto) {
    return this.calendar.enter(actor, year, body);
  }
}
