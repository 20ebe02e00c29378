import { ApiProperty } from '@nestjs/swagger';

export class BrokenLinkView {
  @ApiProperty({
    enum: ['hash', 'link', 'gap'],
    description:
      'hash: the entry does not match its hash (altered); link: it does not point at the previous entry of its stream; gap: the previous entry is missing',
  })
  problem!: 'hash' | 'link' | 'gap';
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty() stream!: string;
  @ApiProperty() seq!: number;
}

export class BadCheckpointView {
  @ApiProperty({ enum: ['root', 'size', 'signature', 'link', 'missing'] })
  problem!: 'root' | 'size' | 'signature' | 'link' | 'missing';
  @ApiProperty() seq!: number;
  @ApiProperty() detail!: string;
}

export class VerificationView {
  @ApiProperty() ok!: boolean;
  @ApiProperty() entriesChecked!: number;
  @ApiProperty() checkpointsChecked!: number;
  @ApiProperty({
    type: BrokenLinkView,
    nullable: true,
    description: 'the first, in the trail order (txid, id)',
  })
  firstBrokenLink!: BrokenLinkView | null;
  @ApiProperty({ type: BadCheckpointView, nullable: true })
  firstBadCheckpoint!: BadCheckpointView | null;
}
