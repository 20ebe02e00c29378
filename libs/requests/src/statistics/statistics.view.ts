import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGE_BANDS, GENDERS, REQUEST_KINDS, type AgeBand, type Gender, type RequestKind } from '@liaison/domain';

/**
 * A published count: `count` is null and `suppressed` true when it is withheld (under 5, or withheld with it so
 * that it cannot be worked out from a total).
 */
export class CountCell {
  @ApiProperty({ type: Number, nullable: true }) count!: number | null;
  @ApiProperty() suppressed!: boolean;
}

export class KindCount extends CountCell {
  @ApiProperty({ enum: REQUEST_KINDS }) kind!: RequestKind;
}

export class StateCount extends CountCell {
  @ApiProperty({ enum: REQUEST_KINDS }) kind!: RequestKind;
  @ApiProperty({ example: 'in_execution' }) state!: string;
}

export class CountryPairCount extends CountCell {
  @ApiProperty({ example: 'NP', description: 'Country of the requesting agency (ISO 3166-1 alpha-2)' })
  requestingCountry!: string;

  @ApiProperty({ example: 'TH', description: 'Country of the requested agency (ISO 3166-1 alpha-2)' })
  requestedCountry!: string;
}

export class LegalBasisCount extends CountCell {
  @ApiProperty({ example: 'untoc' }) legalBasis!: string;
}

export class MonthCount extends CountCell {
  @ApiProperty({ example: '2026-03', description: 'Month of creation, UTC' }) month!: string;
}

export class RequestCounts {
  @ApiProperty({ type: CountCell, description: 'All counted requests (withheld under 5).' }) total!: CountCell;
  @ApiProperty({ type: [KindCount] }) byKind!: KindCount[];
  @ApiProperty({ type: [StateCount], description: 'Current state, within its kind.' }) byState!: StateCount[];
  @ApiProperty({ type: [CountryPairCount] }) byCountryPair!: CountryPairCount[];
  @ApiProperty({ type: [LegalBasisCount] }) byLegalBasis!: LegalBasisCount[];
  @ApiProperty({ type: [MonthCount] }) byMonth!: MonthCount[];
}

export class TimeInState {
  @ApiProperty({ enum: REQUEST_KINDS }) kind!: RequestKind;
  @ApiProperty({ example: 'received' }) state!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Ended stays measured.' }) stays!: number | null;
  @ApiProperty({ type: Number, nullable: true }) medianSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90Seconds!: number | null;
  @ApiProperty({ description: 'Fewer than 5 stays: nothing published.' }) suppressed!: boolean;
}

export class OverdueRate {
  @ApiProperty({ example: 'acknowledge', description: 'The workflow timer.' }) deadlineKind!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Runs that have run their course.' }) ran!: number | null;
  @ApiProperty({ type: Number, nullable: true }) overdue!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'overdue / ran, 0 to 1' }) rate!: number | null;
  @ApiProperty({ description: 'Fewer than 5 runs: nothing published.' }) suppressed!: boolean;
}

export class GenderCount extends CountCell {
  @ApiProperty({ enum: GENDERS }) gender!: Gender;
}

export class AgeBandCount extends CountCell {
  @ApiProperty({ enum: AGE_BANDS }) ageBand!: AgeBand;
}

export class NationalityCount extends CountCell {
  @ApiProperty({ example: 'NP', description: "ISO 3166-1 alpha-2, or 'unknown'" }) nationality!: string;
}

export class VictimCounts {
  @ApiProperty({ type: CountCell, description: 'Victims of the counted requests (withheld under 5).' })
  total!: CountCell;

  @ApiProperty({ type: [GenderCount] }) byGender!: GenderCount[];
  @ApiProperty({ type: [AgeBandCount] }) byAgeBand!: AgeBandCount[];
  @ApiProperty({ type: [NationalityCount] }) byNationality!: NationalityCount[];
}

export class StatisticsFiltersView {
  @ApiPropertyOptional({ enum: REQUEST_KINDS, nullable: true }) kind!: RequestKind | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) from!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) to!: string | null;
}

/** How the figures were made, in words, so that a reader of the answer alone knows what they mean. */
export class StatisticsMethod {
  @ApiProperty() scope!: string;
  @ApiProperty() suppression!: string;
  @ApiProperty() timeInState!: string;
  @ApiProperty() overdueRate!: string;
}

/** `GET /v1/statistics`: aggregates only, never a person's data or a request's reference. */
export class StatisticsView {
  @ApiProperty({ enum: ['all', 'agency'], description: "Every request, or those of the caller's agency." })
  scope!: 'all' | 'agency';

  @ApiProperty({ type: StatisticsFiltersView }) filters!: StatisticsFiltersView;
  @ApiProperty({ example: 5, description: 'Counts under this are suppressed.' }) suppressionThreshold!: number;
  @ApiProperty({ type: StatisticsMethod }) method!: StatisticsMethod;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: RequestCounts }) requests!: RequestCounts;
  @ApiProperty({ type: [TimeInState] }) timeInState!: TimeInState[];
  @ApiProperty({ type: [OverdueRate] }) overdueRates!: OverdueRate[];
  @ApiProperty({ type: VictimCounts }) victims!: VictimCounts;
}
