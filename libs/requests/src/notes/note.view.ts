import { ApiProperty } from '@nestjs/swagger';
import type { RequestNote } from '@liaison/data';

export class NoteView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty() text!: string;
  @ApiProperty() handlingCode!: string;
  @ApiProperty({ type: String, nullable: true }) handlingRestriction!: string | null;
  @ApiProperty() language!: string;
  @ApiProperty() createdAt!: string;

  static from(note: RequestNote): NoteView {
    return {
      id: note.id,
      requestId: note.request.id,
      authorId: note.author.id,
      text: note.text,
      handlingCode: note.handlingCode,
      handlingRestriction: note.handlingRestriction ?? null,
      language: note.language,
      createdAt: note.createdAt.toISOString(),
    };
  }
}

export class NoteListView {
  @ApiProperty({ type: [NoteView], description: 'Oldest first.' }) items!: NoteView[];
}
