import { ApiProperty } from '@nestjs/swagger';
import type { RequestNote } from '@liaison/data';

export class NoteView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The note's text; null once the request's personal data was purged (`purged`).",
  })
  text!: string | null;
  @ApiProperty({ description: "The request's personal data was purged: the text is gone for good." })
  purged!: boolean;
  @ApiProperty() handlingCode!: string;
  @ApiProperty({ type: String, nullable: true }) handlingRestriction!: string | null;
  @ApiProperty() language!: string;
  @ApiProperty() createdAt!: string;

  /** `text` as the request's vault opened it (null once purged). */
  static from(note: RequestNote, text: string | null): NoteView {
    return {
      id: note.id,
      requestId: note.request.id,
      authorId: note.author.id,
      text,
      purged: text === null,
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
