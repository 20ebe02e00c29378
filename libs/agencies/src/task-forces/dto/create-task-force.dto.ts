import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class CreateTaskForceDto {
  @ApiProperty({ example: 'JTF Mekong corridor' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiPropertyOptional({ description: 'What the task force works on. No personal data.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;
}
