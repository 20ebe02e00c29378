import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LEGAL_BASES } from '@liaison/domain';

const LEGAL_BASIS_IDS = LEGAL_BASES.map((basis) => basis.id);

export class WorkflowQuery {
  @ApiPropertyOptional({ enum: LEGAL_BASIS_IDS, description: "Resolve the timers with this legal basis's figures." })
  @IsOptional()
  @IsIn(LEGAL_BASIS_IDS)
  legalBasis?: string;
}
