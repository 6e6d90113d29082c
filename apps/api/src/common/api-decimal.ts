import type { ErrorCode, ErrorDetail } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const NOTE =
  'a decimal string — digits, "." as the point, no exponent, no trailing zeros — never a JSON number, ' +
  'so a numeric(24,6) figure arrives exactly; percentages to 10 decimals';

/** A figure or percentage of a response (`DecimalString` in @app/contracts), documented as such in OpenAPI. */
export const ApiDecimal = (description: string, example = '710.83') =>
  ApiProperty({ type: String, nullable: true, example, description: `${description}: ${NOTE}` });

/** A problem with one field or indicator, as errors and warnings carry it. */
export class ErrorDetailDto implements ErrorDetail {
  @ApiPropertyOptional({ example: 'values.0.value' }) field?: string;
  @ApiPropertyOptional({ example: 'new_forest_planted' }) indicatorCode?: string;
  @ApiProperty({ example: 'INVALID_NUMBER', description: 'stable error code' }) code: ErrorCode;
  @ApiProperty({ description: 'Vietnamese message' }) message: string;
}
