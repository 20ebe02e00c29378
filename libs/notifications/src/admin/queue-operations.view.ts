import { ApiProperty } from '@nestjs/swagger';

/** What a retry or clean of a queue's failed jobs did. */
export class QueueOperationView {
  @ApiProperty({ example: 'webhooks' }) queue!: string;
  @ApiProperty({ description: 'Failed jobs retried or removed.' }) jobs!: number;
}
