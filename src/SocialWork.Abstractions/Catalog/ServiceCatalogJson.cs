using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace SocialWork;

/// <summary>
/// Loads and saves service catalogs as JSON documents (schema: <c>docs/catalog.schema.json</c>). A document either lists
/// a whole catalog or names the catalog it <c>extends</c> and lists only its additions, relabels and retirements.
/// Every defect is reported with its JSON path in a <see cref="CatalogException"/>.
/// </summary>
public static class ServiceCatalogJson
{
    /// <summary>Writes Chinese as itself rather than as \u escapes, so documents stay readable.</summary>
    private static readonly CatalogJsonContext WriterContext = new(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    /// <summary>Loads a catalog document from a stream.</summary>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <param name="documentName">The file name for messages, if any.</param>
    /// <param name="resolveBase">Finds a base catalog by id for documents that extend one; by default only <c>default</c> (<see cref="ServiceCatalog.Default"/>) is known.</param>
    /// <returns>The catalog (for an extension, the base with the extension applied).</returns>
    /// <exception cref="CatalogException">The document is malformed or invalid.</exception>
    public static ServiceCatalog Load(Stream utf8Json, string? documentName = null, Func<string, ServiceCatalog?>? resolveBase = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        var bytes = SocialWork.Json.SocialWorkJson.SkipByteOrderMark(buffer.ToArray()).ToArray();
        CatalogDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(bytes, CatalogJsonContext.Default.CatalogDocument);
        }
        catch (JsonException ex)
        {
            throw new CatalogException([DocumentProblem.FromJsonException(ex)], documentName);
        }
        if (DocumentProblem.FindNullElements(bytes) is { Count: > 0 } nulls)
        {
            throw new CatalogException(DocumentProblem.WithLines(nulls, bytes), documentName);
        }
        try
        {
            return FromDocument(document, documentName, resolveBase);
        }
        catch (CatalogException ex)
        {
            throw new CatalogException(DocumentProblem.WithLines(ex.Problems, bytes), documentName);
        }
        catch (ArgumentException ex)
        {
            // A value the checks above let through and a constructor refused: still the document's fault, said as such.
            throw new CatalogException([new DocumentProblem("$", ex.Message) { Line = 1 }], documentName);
        }
    }

    /// <summary>Loads a catalog document from a string.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="documentName">The file name for messages, if any.</param>
    /// <param name="resolveBase">Finds a base catalog by id; see <see cref="Load(Stream, string?, Func{string, ServiceCatalog?}?)"/>.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="CatalogException">The document is malformed or invalid.</exception>
    public static ServiceCatalog Parse(string json, string? documentName = null, Func<string, ServiceCatalog?>? resolveBase = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Load(stream, documentName, resolveBase);
    }

    /// <summary>Writes a whole catalog as an indented JSON document.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(ServiceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var document = new CatalogDocument
        {
            Id = catalog.Id,
            Name = ToDto(catalog.Name),
            Jurisdiction = catalog.Jurisdiction?.ToString(),
            EffectiveFrom = Format(catalog.EffectiveFrom),
            BaseId = catalog.BaseId,
            Domains = [.. catalog.Domains.Select(ToDto)],
            ServiceTypes = [.. catalog.ServiceTypes.Select(ToDto)],
            Methods = [.. catalog.Methods.Select(ToDto)],
            TargetGroups = [.. catalog.TargetGroups.Select(ToDto)],
            Items = [.. catalog.Items.Select(ToDto)],
        };
        return JsonSerializer.Serialize(document, WriterContext.CatalogDocument);
    }

    /// <summary>Writes an extension as a JSON document that names its base and lists only the differences.</summary>
    /// <param name="extension">The extension.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(CatalogExtension extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var document = new CatalogDocument
        {
            Id = extension.Id,
            Extends = extension.BaseId,
            Name = ToDto(extension.Name),
            Jurisdiction = extension.Jurisdiction?.ToString(),
            EffectiveFrom = Format(extension.EffectiveFrom),
            Items = extension.AddedItems.Count == 0 ? null : [.. extension.AddedItems.Select(ToDto)],
            Relabel = extension.Relabels.Count == 0 ? null : [.. extension.Relabels.Select(r => new RelabelDto { Code = r.Code, Label = ToDto(r.Label) })],
            Retire = extension.Retirements.Count == 0 ? null : [.. extension.Retirements.Select(r => new RetireDto { Code = r.Code.Value, On = Format(r.On) })],
        };
        return JsonSerializer.Serialize(document, WriterContext.CatalogDocument);
    }

    private static ServiceCatalog FromDocument(CatalogDocument? document, string? documentName, Func<string, ServiceCatalog?>? resolveBase)
    {
        if (document is null)
        {
            throw new CatalogException([new("$", "the document is null; expected a catalog object")], documentName);
        }
        var problems = new List<DocumentProblem>();
        var effectiveFrom = ParseDate(document.EffectiveFrom, "$.effectiveFrom", problems);
        DivisionCode? jurisdiction = null;
        if (document.Jurisdiction is not null)
        {
            if (DivisionCode.GetParseError(document.Jurisdiction, out var code) is { } error)
            {
                problems.Add(new("$.jurisdiction", $"division code '{document.Jurisdiction}' {error}"));
            }
            else
            {
                jurisdiction = code;
            }
        }
        var name = document.Name is null ? null : ToModel(document.Name, "$.name", problems);
        var items = Items(document.Items, problems);
        if (document.Extends is not null)
        {
            foreach (var (list, path) in new (object? List, string Path)[] { (document.Domains, "$.domains"), (document.ServiceTypes, "$.serviceTypes"), (document.Methods, "$.methods"), (document.TargetGroups, "$.targetGroups") })
            {
                if (list is not null)
                {
                    problems.Add(new(path, "an extension document may not redefine the base's vocabularies; use relabel"));
                }
            }
            var baseCatalog = (resolveBase ?? DefaultResolver)(document.Extends);
            if (baseCatalog is null)
            {
                problems.Add(new("$.extends", $"base catalog '{document.Extends}' is not known"));
            }
            var relabels = (document.Relabel ?? []).Select((r, i) => r.Code is null
                ? Missing<CatalogRelabel>($"$.relabel[{i}].code", problems)
                : ToModel(r.Label, $"$.relabel[{i}].label", problems) is { } label ? new CatalogRelabel(r.Code, label) : null).ToList();
            var retirements = (document.Retire ?? []).Select((r, i) => Retirement(r, i, problems)).ToList();
            if (problems.Count > 0 || string.IsNullOrWhiteSpace(document.Id))
            {
                throw new CatalogException(string.IsNullOrWhiteSpace(document.Id) ? [new("$.id", "the catalog id is missing"), .. problems] : problems, documentName);
            }
            var extension = new CatalogExtension(document.Id, document.Extends, effectiveFrom)
            {
                Jurisdiction = jurisdiction,
                Name = name,
                AddedItems = items!,
                Relabels = relabels!,
                Retirements = retirements!,
            };
            try
            {
                return extension.ApplyTo(baseCatalog!);
            }
            catch (CatalogException ex)
            {
                throw new CatalogException(ex.Problems, documentName);
            }
        }
        if (document.Relabel is not null || document.Retire is not null)
        {
            problems.Add(new(document.Relabel is not null ? "$.relabel" : "$.retire", "relabel and retire are allowed only in a document that extends a base catalog"));
        }
        var domains = Entries(document.Domains, "domains", problems);
        var types = Entries(document.ServiceTypes, "serviceTypes", problems);
        var methods = Entries(document.Methods, "methods", problems);
        var groups = Entries(document.TargetGroups, "targetGroups", problems);
        if (problems.Count == 0)
        {
            problems.AddRange(CatalogValidator.Validate(document.Id, domains, types, methods, groups, items));
        }
        if (problems.Count > 0)
        {
            throw new CatalogException(problems, documentName);
        }
        return new ServiceCatalog(document.Id!, effectiveFrom, domains, types, methods, groups, items, jurisdiction, name, document.BaseId);
    }

    private static ServiceCatalog? DefaultResolver(string id) => id == "default" ? ServiceCatalog.Default : null;

    private static T? Missing<T>(string path, List<DocumentProblem> problems)
        where T : class
    {
        problems.Add(new(path, "is missing"));
        return null;
    }

    private static CatalogRetirement? Retirement(RetireDto dto, int index, List<DocumentProblem> problems)
    {
        var on = ParseDate(dto.On, $"$.retire[{index}].on", problems);
        if (dto.Code is null || ServiceCode.GetParseError(dto.Code) is not null)
        {
            problems.Add(new($"$.retire[{index}].code", dto.Code is null ? "is missing" : $"item code '{dto.Code}' {ServiceCode.GetParseError(dto.Code)}"));
            return null;
        }
        if (on is null)
        {
            if (dto.On is null)
            {
                problems.Add(new($"$.retire[{index}].on", "is missing"));
            }
            return null;
        }
        return new CatalogRetirement(ServiceCode.Parse(dto.Code), on.Value);
    }

    private static List<CatalogEntry> Entries(List<EntryDto>? dtos, string name, List<DocumentProblem> problems)
    {
        var result = new List<CatalogEntry>();
        for (var i = 0; i < (dtos?.Count ?? 0); i++)
        {
            var dto = dtos![i];
            var path = $"$.{name}[{i}]";
            if (dto.Code is null)
            {
                problems.Add(new($"{path}.code", "is missing"));
                continue;
            }
            if (ToModel(dto.Label, $"{path}.label", problems) is { } label)
            {
                result.Add(new CatalogEntry(dto.Code, label, dto.Description));
            }
        }
        return result;
    }

    private static List<ServiceItem> Items(List<ItemDto>? dtos, List<DocumentProblem> problems)
    {
        var result = new List<ServiceItem>();
        for (var i = 0; i < (dtos?.Count ?? 0); i++)
        {
            var dto = dtos![i];
            var path = $"$.items[{i}]";
            if (dto.Code is null)
            {
                problems.Add(new($"{path}.code", "is missing"));
                continue;
            }
            if (ServiceCode.GetParseError(dto.Code) is { } error)
            {
                problems.Add(new($"{path}.code", $"item code '{dto.Code}' {error}"));
                continue;
            }
            var retiredOn = ParseDate(dto.RetiredOn, $"{path}.retiredOn", problems);
            if (ToModel(dto.Label, $"{path}.label", problems) is { } label)
            {
                result.Add(new ServiceItem(ServiceCode.Parse(dto.Code), label, dto.Description, dto.ServiceTypes ?? [], dto.TargetGroups ?? [], retiredOn));
            }
        }
        return result;
    }

    private static LocalizedText? ToModel(LabelDto? dto, string path, List<DocumentProblem> problems)
    {
        if (dto is null)
        {
            problems.Add(new(path, "is missing"));
            return null;
        }
        if (string.IsNullOrWhiteSpace(dto.Chinese))
        {
            problems.Add(new($"{path}.zh-CN", "the label has no zh-CN text"));
            return null;
        }
        return new LocalizedText(dto.Chinese, dto.English);
    }

    private static LocalDate? ParseDate(string? text, string path, List<DocumentProblem> problems)
    {
        if (text is null)
        {
            return null;
        }
        var result = LocalDatePattern.Iso.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }
        problems.Add(new(path, $"'{text}' is not a date of the form yyyy-MM-dd"));
        return null;
    }

    private static string? Format(LocalDate? date) => date is null ? null : LocalDatePattern.Iso.Format(date.Value);

    private static LabelDto? ToDto(LocalizedText? text) => text is null ? null : new LabelDto { Chinese = text.Chinese, English = text.English };

    private static EntryDto ToDto(CatalogEntry entry) => new() { Code = entry.Code, Label = ToDto(entry.Label), Description = entry.Description };

    private static ItemDto ToDto(ServiceItem item) => new()
    {
        Code = item.Code.Value,
        Label = ToDto(item.Label),
        Description = item.Description,
        ServiceTypes = item.ServiceTypes.Count == 0 ? null : [.. item.ServiceTypes],
        TargetGroups = item.TargetGroups.Count == 0 ? null : [.. item.TargetGroups],
        RetiredOn = Format(item.RetiredOn),
    };

}

internal sealed class CatalogDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string? Id { get; set; }

    public string? Extends { get; set; }

    public string? BaseId { get; set; }

    public LabelDto? Name { get; set; }

    public string? Jurisdiction { get; set; }

    public string? EffectiveFrom { get; set; }

    public List<EntryDto>? Domains { get; set; }

    public List<EntryDto>? ServiceTypes { get; set; }

    public List<EntryDto>? Methods { get; set; }

    public List<EntryDto>? TargetGroups { get; set; }

    public List<ItemDto>? Items { get; set; }

    public List<RelabelDto>? Relabel { get; set; }

    public List<RetireDto>? Retire { get; set; }
}

internal sealed class LabelDto
{
    [JsonPropertyName("zh-CN")]
    public string? Chinese { get; set; }

    [JsonPropertyName("en")]
    public string? English { get; set; }
}

internal sealed class EntryDto
{
    public string? Code { get; set; }

    public LabelDto? Label { get; set; }

    public string? Description { get; set; }
}

internal sealed class ItemDto
{
    public string? Code { get; set; }

    public LabelDto? Label { get; set; }

    public string? Description { get; set; }

    public List<string>? ServiceTypes { get; set; }

    public List<string>? TargetGroups { get; set; }

    public string? RetiredOn { get; set; }
}

internal sealed class RelabelDto
{
    public string? Code { get; set; }

    public LabelDto? Label { get; set; }
}

internal sealed class RetireDto
{
    public string? Code { get; set; }

    public string? On { get; set; }
}

[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(CatalogDocument))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
