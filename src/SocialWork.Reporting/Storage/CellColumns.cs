using System.Runtime.CompilerServices;

namespace SocialWork.Reporting;

/// <summary>
/// The columns a record's cube cell is made of — division, day, code, programme, method and target group — defined once
/// for everything that keeps, reorders or copies them: <see cref="RecordBatch"/>, <see cref="RecordBatchBuilder"/>,
/// <see cref="PersonOrder"/> and the people cube. A new cell column is added here and nowhere else in those.
/// </summary>
/// <param name="Division">The division index of each record.</param>
/// <param name="Day">The day of each record (see <see cref="DayNumber"/>).</param>
/// <param name="Code">The code index of each record.</param>
/// <param name="Programme">The programme index of each record (0 = none).</param>
/// <param name="Method">The method of each record (the <see cref="ServiceMethod"/> value).</param>
/// <param name="TargetGroup">The target group of each record: 0 for none, otherwise the <see cref="SocialWork.TargetGroup"/> value + 1.</param>
internal readonly record struct CellColumns(int[] Division, int[] Day, ushort[] Code, ushort[] Programme, byte[] Method, byte[] TargetGroup)
{
    /// <summary>Gets columns of no records.</summary>
    public static CellColumns Empty => new([], [], [], [], [], []);

    /// <summary>Gets the number of records (the length of every column).</summary>
    public int Count => Day.Length;

    /// <summary>Allocates columns of <paramref name="count"/> records whose values the caller writes before reading.</summary>
    public static CellColumns Allocate(int count) => new(
        GC.AllocateUninitializedArray<int>(count),
        GC.AllocateUninitializedArray<int>(count),
        GC.AllocateUninitializedArray<ushort>(count),
        GC.AllocateUninitializedArray<ushort>(count),
        GC.AllocateUninitializedArray<byte>(count),
        GC.AllocateUninitializedArray<byte>(count));

    /// <summary>The first <paramref name="n"/> records, in the order <paramref name="order"/> gives (the arrays themselves when they already are that).</summary>
    public CellColumns Take(int n, int[]? order) => new(
        RecordBatchBuilder.Take(Division, n, order),
        RecordBatchBuilder.Take(Day, n, order),
        RecordBatchBuilder.Take(Code, n, order),
        RecordBatchBuilder.Take(Programme, n, order),
        RecordBatchBuilder.Take(Method, n, order),
        RecordBatchBuilder.Take(TargetGroup, n, order));

    /// <summary>Copies <paramref name="n"/> records from position <paramref name="from"/> to position <paramref name="at"/> of <paramref name="target"/>.</summary>
    public void CopyTo(int from, CellColumns target, int at, int n)
    {
        Array.Copy(Division, from, target.Division, at, n);
        Array.Copy(Day, from, target.Day, at, n);
        Array.Copy(Code, from, target.Code, at, n);
        Array.Copy(Programme, from, target.Programme, at, n);
        Array.Copy(Method, from, target.Method, at, n);
        Array.Copy(TargetGroup, from, target.TargetGroup, at, n);
    }

    /// <summary>Copies record <paramref name="from"/> to position <paramref name="at"/> of <paramref name="target"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CopyTo(int from, CellColumns target, int at)
    {
        target.Division[at] = Division[from];
        target.Day[at] = Day[from];
        target.Code[at] = Code[from];
        target.Programme[at] = Programme[from];
        target.Method[at] = Method[from];
        target.TargetGroup[at] = TargetGroup[from];
    }
}
