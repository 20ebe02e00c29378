import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class BoardQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'A member agency: only the requests it is a party to.' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}
