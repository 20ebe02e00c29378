import { ApiProperty } from '@nestjs/swagger';
import { RequestView } from '@liaison/requests';

export class TransitionResultView extends RequestView {
  @ApiProperty({
    type: [String],
    description: 'Accepted, but noted (a language the requested agency does not accept).',
  })
  warnings!: string[];
}
