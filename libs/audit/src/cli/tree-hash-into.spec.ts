import { randomBytes } from 'node:crypto';
import { leafHash, nodeHash } from '../merkle/merkle-tree';
import { leafOfHexInto, nodeHashInto } from './tree-hash-into';

describe('Merkle hashes written into a buffer', () => {
  it('are the leaf and node hashes of merkle-tree.ts', () => {
    for (let i = 0; i < 50; i += 1) {
      const entryHash = randomBytes(32);
      const bytes = Buffer.concat([Buffer.from(`x"${entryHash.toString('hex')}"`), Buffer.alloc(128)]);
      leafOfHexInto(bytes, 2, bytes, 70);
      expect(bytes.subarray(70, 102)).toEqual(leafHash(entryHash));
      const [left, right] = [randomBytes(32), randomBytes(32)];
      const hashes = Buffer.concat([left, right, Buffer.alloc(32)]);
      nodeHashInto(hashes, 0, 32, 64);
      expect(hashes.subarray(64)).toEqual(nodeHash(left, right));
    }
  });
});
