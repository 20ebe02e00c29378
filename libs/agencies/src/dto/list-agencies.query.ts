import { IsISO31661Alpha2, IsOptional } from 'class-validator';

export class ListAgenciesQuery {
  @IsOptional()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as NP' })
  country?: string;
}
