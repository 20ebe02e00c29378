import { leafHash, MerkleTree, StreamingMerkleRoot, verifyInclusion } from './merkle-tree';

const hex = (buffer: Buffer) => buffer.toString('hex');

/** The leaves and roots of the Certificate Transparency reference tests (RFC 6962 implementations). */
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((data) => leafHash(Buffer.from(data, 'hex')));
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

function leaves(count: number): Buffer[] {
  return Array.from({ length: count }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));
}

describe('RFC 6962 Merkle tree', () => {
  it('hashes the empty tree as SHA-256 of nothing', () => {
    expect(hex(new MerkleTree([]).root)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(new StreamingMerkleRoot().root())).toBe(hex(new MerkleTree([]).root));
  });

  it.each(CT_ROOTS.map((root, i) => [i + 1, root] as const))('matches the reference root of %i leaves', (n, root) => {
    expect(hex(new MerkleTree(CT_LEAVES.slice(0, n)).root)).toBe(root);
  });

  it('matches the reference audit paths in the 8-leaf tree', () => {
    const tree = new MerkleTree(CT_LEAVES);
    expect(tree.proof(0).map(hex)).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(tree.proof(5).map(hex)).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
  });

  it('builds the same root streamed as all at once, for every size up to 300', () => {
    for (let n = 0; n <= 300; n += 1) {
      const all = leaves(n);
      const streamed = new StreamingMerkleRoot();
      for (const leaf of all) streamed.add(leaf);
      expect(hex(streamed.root())).toBe(hex(new MerkleTree(all).root));
    }
  });

  it('verifies every inclusion proof of every tree up to 130 leaves, and refuses altered ones', () => {
    for (let n = 1; n <= 130; n += 1) {
      const all = leaves(n);
      const tree = new MerkleTree(all);
      for (let i = 0; i < n; i += 1) {
        const proof = tree.proof(i);
        expect(verifyInclusion(i, n, all[i], proof, tree.root)).toBe(true);
        if (n > 1) {
          expect(verifyInclusion((i + 1) % n, n, all[i], proof, tree.root)).toBe(false);
          expect(verifyInclusion(i, n, all[(i + 1) % n], proof, tree.root)).toBe(false);
          expect(verifyInclusion(i, n, all[i], proof.slice(1), tree.root)).toBe(false);
        }
      }
    }
  });

  it('refuses an index outside the tree', () => {
    const tree = new MerkleTree(leaves(4));
    expect(() => tree.proof(4)).toThrow(RangeError);
    expect(verifyInclusion(4, 4, leaves(5)[4], [], tree.root)).toBe(false);
  });
});
