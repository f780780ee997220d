namespace SocialWork.Reporting;

/// <summary>How a report is published.</summary>
public sealed record ReportOptions
{
    /// <summary>
    /// Gets k for small-cell suppression (<see cref="SmallCellSuppression"/>): a row with 1 to k − 1 people — or
    /// records, when no record names a person — is suppressed, and so are the smallest others needed so that no
    /// suppressed row can be worked out from the published total. 0 (the default) suppresses nothing.
    /// </summary>
    public int SuppressBelow
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "SuppressBelow must be 0 (off) or a positive threshold.");
    }
}
