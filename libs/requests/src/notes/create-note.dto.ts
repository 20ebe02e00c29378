import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { HandledContentDto } from '../shared/handled-content.dto';

export class CreateNoteDto extends HandledContentDto {
  @ApiProperty({ maxLength: 20_000 })
  @IsString()
  @Length(1, 20_000)
  text!: string;
}
