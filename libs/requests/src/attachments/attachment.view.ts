import { ApiProperty } from '@nestjs/swagger';
import type { Attachment } from '@liaison/data';

export class AttachmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ description: 'The name as uploaded, kept in clear for lists: it must carry no personal data.' })
  fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty({ description: 'SHA-256 of the content as uploaded (the plaintext), hex' }) sha256!: string;
  @ApiProperty() handlingCode!: string;
  @ApiProperty({ type: String, nullable: true }) handlingRestriction!: string | null;
  @ApiProperty() language!: string;
  @ApiProperty() translationAttached!: boolean;
  @ApiProperty({ format: 'uuid' }) uploadedBy!: string;
  @ApiProperty() createdAt!: string;

  static from(attachment: Attachment): AttachmentView {
    return {
      id: attachment.id,
      requestId: attachment.request.id,
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      size: attachment.size,
      sha256: attachment.sha256,
      handlingCode: attachment.handlingCode,
      handlingRestriction: attachment.handlingRestriction ?? null,
      language: attachment.language,
      translationAttached: attachment.translationAttached,
      uploadedBy: attachment.uploadedBy.id,
      createdAt: attachment.createdAt.toISOString(),
    };
  }
}

export class AttachmentListView {
  @ApiProperty({ type: [AttachmentView] }) items!: AttachmentView[];
}
