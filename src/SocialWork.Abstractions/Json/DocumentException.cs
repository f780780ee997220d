namespace SocialWork;

/// <summary>Thrown when an input document (catalog, policy, network, plan, workers) is malformed or invalid; lists every defect with its JSON path.</summary>
public class DocumentException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What the document is, for the message: "service catalog", "pay policy", ….</param>
    /// <param name="problems">The defects; at least one.</param>
    /// <param name="documentName">The file or document name, if known.</param>
    public DocumentException(string kind, IReadOnlyList<DocumentProblem> problems, string? documentName = null)
        : base($"Invalid {kind}{(documentName is null ? "" : $" '{documentName}'")}: {string.Join("; ", problems ?? [])}.")
    {
        Problems = problems ?? [];
        DocumentName = documentName;
        Kind = kind ?? string.Empty;
    }

    /// <summary>Gets what the document is: "service catalog", "pay policy", "coverage plan", "network document", "workers document".</summary>
    public string Kind { get; }

    /// <summary>Gets every defect found.</summary>
    public IReadOnlyList<DocumentProblem> Problems { get; }

    /// <summary>Gets the file or document name, if known.</summary>
    public string? DocumentName { get; }
}
