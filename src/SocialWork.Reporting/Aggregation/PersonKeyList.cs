namespace SocialWork.Reporting;

/// <summary>
/// Person keys by index, as a cube's people hold them: in one array, or in the blocks of a closed
/// <see cref="PersonKeyTable"/>, shared instead of copied into one array (a million keys are 32 MB).
/// </summary>
internal sealed class PersonKeyList
{
    private readonly PersonKey[][] blocks;
    private readonly int blockBits;
    private readonly int mask;

    private PersonKeyList(PersonKey[][] blocks, int blockBits, int length)
        => (this.blocks, this.blockBits, mask, Length) = (blocks, blockBits, blockBits == 31 ? int.MaxValue : (1 << blockBits) - 1, length);

    /// <summary>Gets the number of keys.</summary>
    public int Length { get; }

    /// <summary>Gets the number of blocks the keys are in.</summary>
    public int BlockCount => blocks.Length;

    /// <summary>Gets the key at an index (below <see cref="Length"/>).</summary>
    public PersonKey this[int index] => blocks[index >> blockBits][index & mask];

    /// <summary>The keys of one array, which the list keeps (not a copy).</summary>
    public static PersonKeyList Of(PersonKey[] keys) => new([keys], 31, keys.Length);

    /// <summary>The first <paramref name="length"/> keys of blocks of 2^<paramref name="blockBits"/> keys each, which the list keeps and never changes.</summary>
    public static PersonKeyList OfBlocks(PersonKey[][] blocks, int blockBits, int length) => new(blocks, blockBits, length);

    /// <summary>Gets the keys of block <paramref name="block"/>: those from index <c>block × 2^blockBits</c>.</summary>
    public ReadOnlySpan<PersonKey> Block(int block)
    {
        var start = block == 0 ? 0 : block << blockBits;
        return blocks[block].AsSpan(0, Math.Min(blocks[block].Length, Length - start));
    }
}
