namespace SocialWork;

/// <summary>One defect of an input document: where (a JSON path such as <c>$.items[2].code</c>) and what.</summary>
/// <param name="Path">The JSON path of the offending value.</param>
/// <param name="Message">What is wrong.</param>
public sealed record DocumentProblem(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}

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
    }

    /// <summary>Gets every defect found.</summary>
    public IReadOnlyList<DocumentProblem> Problems { get; }

    /// <summary>Gets the file or document name, if known.</summary>
    public string? DocumentName { get; }
}

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
