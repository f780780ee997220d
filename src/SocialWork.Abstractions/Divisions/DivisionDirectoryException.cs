namespace SocialWork;

/// <summary>Thrown when a <see cref="DivisionDirectory"/> is not valid; <see cref="Problems"/> lists every defect found.</summary>
public sealed class DivisionDirectoryException : ArgumentException
{
    /// <summary>Creates the exception from the list of problems.</summary>
    /// <param name="problems">One phrase per defect.</param>
    public DivisionDirectoryException(IReadOnlyList<string> problems)
        : base($"The division directory is invalid: {string.Join("; ", problems)}.", "divisions")
    {
        Problems = problems;
    }

    /// <summary>Gets one phrase per defect.</summary>
    public IReadOnlyList<string> Problems { get; }
}
