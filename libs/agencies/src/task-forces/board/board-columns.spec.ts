import type { BoardCardDto } from '../dto/board.dto';
import { toColumns } from './board-columns';

const card = (reference: string, state: string) => ({ reference, state }) as BoardCardDto;

describe('board columns', () => {
  it('groups cards by state in workflow order, keeping the order of the cards within a column', () => {
    const columns = toColumns([
      card('MLA-1', 'in_execution'),
      card('EXT-1', 'person_in_custody'),
      card('MLA-2', 'transmitted'),
      card('MLA-3', 'in_execution'),
      card('MLA-4', 'draft'),
    ]);
    expect(columns.map((column) => column.state)).toEqual([
      'draft',
      'transmitted',
      'in_execution',
      'person_in_custody',
    ]);
    expect(columns[2].cards.map((c) => c.reference)).toEqual(['MLA-1', 'MLA-3']);
  });

  it('puts states no workflow knows last, alphabetically', () => {
    const columns = toColumns([card('X-1', 'zeta'), card('X-2', 'alpha'), card('MLA-1', 'closed')]);
    expect(columns.map((column) => column.state)).toEqual(['closed', 'alpha', 'zeta']);
  });
});
