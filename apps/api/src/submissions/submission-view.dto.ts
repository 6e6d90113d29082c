import type {
  AuditRow,
  BasisFigure,
  BasisView,
  DerivedView,
  FigureRevisionView,
  MonthFigureView,
  MonthStateView,
  ReviewActionName,
  ReviewView,
  RuleView,
  SaveAnswer,
  SectionView,
  SubmissionListItem,
  SubmissionState,
  SubmissionView,
  TransitionAnswer,
  ValueView,
} from '@app/contracts';
import { AGGREGATIONS, PERIOD_TYPES, SUBMISSION_STATES, VALUE_STATUSES, ValueStatus } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ApiDecimal, ErrorDetailDto } from '../common/api-decimal';

/*
 * The submission routes' answers for OpenAPI. Each class implements its @app/contracts type, so
 * the compiler holds the documentation, the services (which return the contract types) and the
 * web (which reads them) to one shape.
 */

const STATES = [...SUBMISSION_STATES];
const ACTIONS: ReviewActionName[] = ['submit', 'return', 'approve', 'reopen'];

class LastActionDto {
  @ApiProperty({ enum: ACTIONS }) action: ReviewActionName;
  @ApiProperty() at: string;
  @ApiProperty() actorName: string;
}

export class SubmissionListItemDto implements SubmissionListItem {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty() periodId: string;
  @ApiProperty({ enum: STATES }) state: SubmissionState;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) approvedAt: string | null;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: LastActionDto, nullable: true }) lastAction: LastActionDto | null;
  @ApiProperty({ description: "the unit's own deadline: its extension for the period, else the period's" }) deadline: string;
  @ApiProperty() extended: boolean;
  @ApiProperty({ type: String, nullable: true }) extensionReason: string | null;
}

export class RuleViewDto implements RuleView {
  @ApiProperty() hasCumulative: boolean;
  @ApiProperty() hasPlan: boolean;
  @ApiProperty() hasSamePeriod: boolean;
  @ApiProperty({ enum: ['value', 'cumulative'] }) compareOn: RuleView['compareOn'];
  @ApiProperty({ enum: ['change', 'ratio'] }) samePeriodStyle: RuleView['samePeriodStyle'];
  @ApiProperty({ type: Number, nullable: true, description: 'decimals the report prints' }) decimals: number | null;
  @ApiProperty({ enum: AGGREGATIONS, description: 'how a longer period’s figure comes from the months' }) aggregation: RuleView['aggregation'];
  @ApiProperty() integerOnly: boolean;
  @ApiDecimal('lower bound', '0') min: string | null;
  @ApiDecimal('upper bound', '100') max: string | null;
}

export class BasisFigureDto implements BasisFigure {
  @ApiProperty({ description: 'period number in its year' }) period: number;
  @ApiDecimal('the figure of that period', '1100.17') value: string | null;
  @ApiDecimal('the cumulative typed for that period', '4289.17') enteredCumulative: string | null;
}

export class BasisViewDto implements BasisView {
  @ApiProperty({ type: [BasisFigureDto], description: 'earlier periods of this year' }) earlier: BasisFigureDto[];
  @ApiProperty({ type: [BasisFigureDto], description: "last year's periods up to this one" }) lastYear: BasisFigureDto[];
  @ApiDecimal('annual plan', '9009') plan: string | null;
}

export class DerivedViewDto implements DerivedView {
  @ApiDecimal('cumulative since January', '5000') cumulative: string | null;
  @ApiProperty({ enum: ['computed', 'entered'], nullable: true }) cumulativeSource: DerivedView['cumulativeSource'];
  @ApiProperty({ description: 'the computed and the typed cumulative disagree' }) cumulativeMismatch: boolean;
  @ApiDecimal('cumulative from the approved earlier months', '5000') computedCumulative: string | null;
  @ApiDecimal('% of the annual plan', '55.5000555001') planPct: string | null;
  @ApiDecimal('% change vs the same period last year ("tăng/giảm x%")', '1.7094017094') samePeriodChangePct: string | null;
  @ApiDecimal('% of the same period last year ("bằng x%")', '101.7094017094') samePeriodRatioPct: string | null;
  @ApiDecimal('the same period last year', '46600') samePeriodBase: string | null;
  @ApiDecimal('last month', '989') lastMonth: string | null;
  @ApiDecimal('annual plan', '9009') plan: string | null;
}

export class ValueViewDto implements ValueView {
  @ApiProperty() indicatorCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
  @ApiProperty({ enum: ['number', 'percent', 'text'] }) kind: ValueView['kind'];
  @ApiProperty() sectionCode: string;
  @ApiProperty({ type: String, nullable: true }) parentCode: string | null;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ enum: VALUE_STATUSES, nullable: true, description: 'ước / sơ bộ / chính thức; null: not stated (an estimate)' }) status: ValueStatus | null;
  @ApiProperty({ type: RuleViewDto }) rule: RuleViewDto;
  @ApiDecimal('the figure; for a text indicator, its text') value: string | null;
  @ApiDecimal('the cumulative the officer typed', '5000') cumulativeEntered: string | null;
  @ApiProperty({ type: DerivedViewDto, nullable: true, description: 'null for text indicators' }) derived: DerivedViewDto | null;
  @ApiProperty({ type: BasisViewDto, nullable: true, description: 'what the derived figures were computed from' }) basis: BasisViewDto | null;
}

class CommentDto {
  @ApiProperty() indicatorCode: string;
  @ApiProperty() text: string;
}

export class ReviewViewDto implements ReviewView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ACTIONS }) action: ReviewActionName;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: [CommentDto] }) comments: CommentDto[];
  @ApiProperty() submissionVersion: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() actorUsername: string;
  @ApiProperty() actorName: string;
}

class SectionViewDto implements SectionView {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) reportSection: string | null;
}

class PeriodRefDto {
  @ApiProperty({ enum: PERIOD_TYPES }) type: SubmissionView['period']['type'];
  @ApiProperty() year: number;
  @ApiProperty() number: number;
  @ApiProperty() deadline: string;
}

class ExtensionRefDto {
  @ApiProperty() deadline: string;
  @ApiProperty() reason: string;
}

class MonthOfFigureDto {
  @ApiProperty() month: number;
  @ApiDecimal('the month’s approved figure') value: string | null;
}

export class MonthStateViewDto implements MonthStateView {
  @ApiProperty() month: number;
  @ApiProperty({ enum: SUBMISSION_STATES, nullable: true, description: 'the monthly submission’s state; null: the month is not opened' }) state: SubmissionState | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) submissionId: string | null;
}

export class MonthFigureViewDto implements MonthFigureView {
  @ApiProperty() indicatorCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) unit: string | null;
  @ApiProperty({ enum: ['number', 'percent', 'text'] }) kind: MonthFigureView['kind'];
  @ApiProperty() sectionCode: string;
  @ApiProperty({ enum: AGGREGATIONS }) aggregation: MonthFigureView['aggregation'];
  @ApiDecimal('the period’s figure by the indicator’s rule') value: string | null;
  @ApiDecimal('since January (flows)') cumulative: string | null;
  @ApiDecimal('% of the annual plan') planPct: string | null;
  @ApiDecimal('% change vs the same period last year') samePeriodChangePct: string | null;
  @ApiDecimal('% of the same period last year') samePeriodRatioPct: string | null;
  @ApiProperty({ type: [MonthOfFigureDto] }) months: MonthOfFigureDto[];
  @ApiProperty({ type: [Number] }) missingMonths: number[];
}

export class SubmissionViewDto implements SubmissionView {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty() periodId: string;
  @ApiProperty({ type: PeriodRefDto }) period: PeriodRefDto;
  @ApiProperty({ description: "the unit's own deadline: its extension for the period, else the period's" }) deadline: string;
  @ApiProperty({ type: ExtensionRefDto, nullable: true }) extension: ExtensionRefDto | null;
  @ApiProperty({ enum: STATES }) state: SubmissionState;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) approvedAt: string | null;
  @ApiProperty({ type: [SectionViewDto] }) sections: SectionViewDto[];
  @ApiProperty({ type: [ValueViewDto] }) values: ValueViewDto[];
  @ApiProperty({ type: [ErrorDetailDto], description: 'rule problems that would refuse submission' }) problems: ErrorDetailDto[];
  @ApiProperty({ type: [ReviewViewDto] }) reviews: ReviewViewDto[];
  @ApiProperty({ type: [MonthFigureViewDto], nullable: true, description: 'a longer period: the unit’s figures computed from its approved months; null for a month' })
  fromMonths: MonthFigureViewDto[] | null;
  @ApiProperty({ type: [MonthStateViewDto], nullable: true, description: 'a longer period: each of its months’ monthly submission state for the unit; null for a month' })
  monthStates: MonthStateViewDto[] | null;
  @ApiProperty({ type: () => [FigureRevisionViewDto], description: 'later versions of its approved figures (official figures), newest first' })
  figureRevisions: FigureRevisionViewDto[];
}

export class FigureRevisionViewDto implements FigureRevisionView {
  @ApiProperty() id: string;
  @ApiProperty() submissionId: string;
  @ApiProperty() indicatorCode: string;
  @ApiDecimal('the figure of this version') value: string | null;
  @ApiDecimal('its cumulative, where the unit typed one') cumulative: string | null;
  @ApiProperty({ enum: VALUE_STATUSES }) status: ValueStatus;
  @ApiDecimal('the approved figure it replaces') previousValue: string | null;
  @ApiProperty({ enum: VALUE_STATUSES, nullable: true }) previousStatus: ValueStatus | null;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['submitted', 'approved', 'returned'] }) state: FigureRevisionView['state'];
  @ApiProperty() submittedAt: string;
  @ApiProperty() submittedBy: string;
  @ApiProperty({ type: String, nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) returnReason: string | null;
}

export class SaveAnswerDto implements SaveAnswer {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: [ErrorDetailDto], description: 'rules the draft still breaks (saved anyway)' }) warnings: ErrorDetailDto[];
}

export class TransitionAnswerDto implements TransitionAnswer {
  @ApiProperty() id: string;
  @ApiProperty({ enum: STATES }) state: SubmissionState;
  @ApiProperty() version: number;
}

export class AuditRowDto implements AuditRow {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'values.updated' }) action: string;
  @ApiProperty({
    type: Object,
    nullable: true,
    description: 'values.updated: {values, cumulative, notes} by indicator code; each figure a decimal string ("710.83"), a text indicator its text',
  })
  before: Record<string, unknown> | null;
  @ApiProperty({ type: Object, nullable: true, description: 'as `before`, plus the new `version`' }) after: Record<string, unknown> | null;
  @ApiProperty() at: string;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorUsername: string | null;
}
