import { checkAgainstWitness } from './witness-check';

const hex = (digit: string) => digit.repeat(64);
const line = (seq: number, root: string, hash = root) => JSON.stringify({ seq, rootHash: hex(root), hash: hex(hash) });
const exported = [
  { line: 2, seq: 1, rootHash: hex('a'), hash: hex('a') },
  { line: 9, seq: 2, rootHash: hex('b'), hash: hex('b') },
];

describe('an export’s checkpoints against the witness', () => {
  it('matches every checkpoint, a line published twice and later checkpoints included', () => {
    const witness = [line(1, 'a'), line(1, 'a'), line(2, 'b'), line(3, 'c')].join('\n');
    expect(checkAgainstWitness(exported, `${witness}\n`, 'w.jsonl')).toEqual({
      report: { source: 'w.jsonl', entries: 4, matched: 2, checkpoints: 2 },
      failure: null,
    });
  });

  it('fails a checkpoint missing from the witness, and one whose root or hash differs', () => {
    expect(checkAgainstWitness(exported, line(1, 'a'), 'w').failure).toEqual({
      line: 9,
      checkpoint: 2,
      reason: 'checkpoint #2 is not in the witness',
    });
    const rewritten = checkAgainstWitness(exported, [line(1, 'a'), line(2, 'e')].join('\n'), 'w').failure;
    expect(rewritten).toMatchObject({ line: 9, checkpoint: 2 });
    expect(rewritten?.reason).toMatch(/^checkpoint #2's signed root differs from the witness's/);
    expect(checkAgainstWitness(exported, [line(1, 'a'), line(2, 'b', 'f')].join('\n'), 'w').failure).toMatchObject({
      checkpoint: 2,
    });
  });

  it('fails a witness holding two different checkpoints under one number, or a line that is none', () => {
    const equivocating = checkAgainstWitness(exported, [line(1, 'a'), line(1, 'd'), line(2, 'b')].join('\n'), 'w');
    expect(equivocating.failure?.reason).toBe('the witness holds two different checkpoints #1 (its lines 1 and 2)');
    expect(checkAgainstWitness(exported, 'not json', 'w').failure?.reason).toBe("the witness's line 1 is not JSON");
    expect(checkAgainstWitness(exported, '{"seq":"1"}', 'w').failure?.reason).toBe(
      "the witness's line 1 is not a signed checkpoint",
    );
  });
});
