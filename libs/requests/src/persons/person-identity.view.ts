import { ApiPropertyOptional } from '@nestjs/swagger';
import { IdentityDocumentDto } from './person-identity.dto';

/** A person's identity as a view shows it: the stored fields in clear, or every field null when redacted. */
export class PersonIdentityView {
  @ApiPropertyOptional({ type: [String], nullable: true }) names?: string[] | null;
  @ApiPropertyOptional({ type: [String], nullable: true }) aliases?: string[] | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD' })
  dateOfBirth?: string | null;
  @ApiPropertyOptional({ type: [IdentityDocumentDto], nullable: true }) documentNumbers?: IdentityDocumentDto[] | null;
  @ApiPropertyOptional({ type: [String], nullable: true }) addresses?: string[] | null;
  @ApiPropertyOptional({ type: [String], nullable: true }) contactDetails?: string[] | null;
  @ApiPropertyOptional({ type: [String], nullable: true }) photographRefs?: string[] | null;
}
