namespace SocialWork;

/// <summary>Thrown when a service catalog (or its JSON document) is invalid; lists every defect with its JSON path.</summary>
public sealed class CatalogException : DocumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">The defects; at least one.</param>
    /// <param name="documentName">The file or document name, if known.</param>
    public CatalogException(IReadOnlyList<DocumentProblem> problems, string? documentName = null)
        : base("service catalog", problems, documentName)
    {
    }
}
