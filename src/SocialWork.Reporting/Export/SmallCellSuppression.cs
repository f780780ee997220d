namespace SocialWork.Reporting;

/// <summary>
/// Small-cell suppression for published tables, as official statistics do it (primary and secondary suppression, after
/// τ-ARGUS and sdcTable): a cell counting 1 to k − 1 (people, or records) is suppressed; then, in every line whose total
/// is published, a suppressed cell must not be the only one — else it is the total minus the rest — so the smallest other
/// cell of such a line is suppressed too, until no line has exactly one. Totals are never changed.
/// </summary>
public static class SmallCellSuppression
{
    /// <summary>Chooses the cells to suppress.</summary>
    /// <param name="values">Each cell's count (people, or records when the table has no people).</param>
    /// <param name="lines">The lines whose totals are published, each the indices of its cells (a row, a column, the whole table).</param>
    /// <param name="threshold">k: a cell counting 1 to k − 1 is suppressed; 0 or 1 suppresses nothing.</param>
    /// <returns>For each cell, whether it is suppressed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is negative, or a line names a cell that does not exist.</exception>
    /// <remarks>
    /// A line of a single cell cannot protect it (the line's total is the cell); such a line is left as it is, and a host
    /// should not publish that total.
    /// </remarks>
    public static bool[] Apply(IReadOnlyList<long> values, IReadOnlyList<IReadOnlyList<int>> lines, int threshold)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        return Apply(values, [.. values.Select(v => v >= 1 && v < threshold)], lines);
    }

    /// <summary>
    /// Chooses the cells to suppress when the sensitive cells are already known (for example a row whose records name no
    /// one in a table that counts people): those, then secondary cells — among the cells that count something, smallest
    /// first — until no line with a published total has exactly one suppressed cell. A zero cell is never chosen: hiding
    /// it protects nothing, since everyone knows an empty cell is empty.
    /// </summary>
    /// <param name="values">Each cell's count, by which secondary cells are chosen.</param>
    /// <param name="sensitive">Which cells must not be published (primary suppression).</param>
    /// <param name="lines">The lines whose totals are published, each the indices of its cells.</param>
    /// <returns>For each cell, whether it is suppressed.</returns>
    /// <exception cref="ArgumentException"><paramref name="sensitive"/> does not have one flag per cell.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A line names a cell that does not exist.</exception>
    /// <remarks>
    /// A line whose only unsuppressed cells are zeros cannot protect its one suppressed cell (it is the total); such a
    /// line is left as it is, and a host should not publish that total.
    /// </remarks>
    public static bool[] Apply(IReadOnlyList<long> values, IReadOnlyList<bool> sensitive, IReadOnlyList<IReadOnlyList<int>> lines)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(sensitive);
        ArgumentNullException.ThrowIfNull(lines);
        if (sensitive.Count != values.Count)
        {
            throw new ArgumentException($"There are {values.Count} cells but {sensitive.Count} sensitivity flags.", nameof(sensitive));
        }
        var suppressed = sensitive.ToArray();
        foreach (var line in lines)
        {
            foreach (var cell in line)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(cell, nameof(lines));
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cell, values.Count, nameof(lines));
            }
        }
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Count < 2 || line.Count(c => suppressed[c]) != 1)
                {
                    continue;
                }
                var candidates = line.Where(c => !suppressed[c] && values[c] > 0).OrderBy(c => values[c]).ThenBy(c => c);
                if (candidates.Any())
                {
                    suppressed[candidates.First()] = true;
                    changed = true;
                }
            }
        }
        return suppressed;
    }
}
