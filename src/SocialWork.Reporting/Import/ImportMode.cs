namespace SocialWork.Reporting;

/// <summary>What the importer does with a bad row.</summary>
public enum ImportMode
{
    /// <summary>Reject the whole input at the first bad row.</summary>
    Strict,

    /// <summary>Keep the valid rows and return the rejected ones verbatim.</summary>
    Lenient,
}
