using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using SocialWork.Json;

namespace SocialWork;

/// <summary>
/// Loads and saves service catalogs as JSON documents (schema: <c>docs/catalog.schema.json</c>). A document either lists
/// a whole catalog or names the catalog it <c>extends</c> and lists only its additions, relabels and retirements.
/// Every defect is reported with its JSON path in a <see cref="CatalogException"/>.
/// </summary>
public static class ServiceCatalogJson
{
    /// <summary>Writes Chinese as itself rather than as \u escapes, so documents stay readable; leaves out absent members.</summary>
    private static readonly CatalogJsonContext WriterContext = new(ReadableWithoutNulls());

    /// <summary>Loads a catalog document from a stream.</summary>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <param name="documentName">The file name for messages, if any.</param>
    /// <param name="resolveBase">Finds a base catalog by id for documents that extend one; by default only <c>default</c> (<see cref="ServiceCatalog.Default"/>) is known.</param>
    /// <returns>The catalog (for an extension, the base with the extension applied).</returns>
    /// <exception cref="CatalogException">The document is malformed or invalid.</exception>
    public static ServiceCatalog Load(Stream utf8Json, string? documentName = null, Func<string, ServiceCatalog?>? resolveBase = null)
        => DocumentReader.Read(utf8Json, CatalogJsonContext.Default.CatalogDocument, problems => new CatalogException(problems, documentName), (document, reader) => FromDocument(document, reader, resolveBase));

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
        var document = new CatalogDocument(
            Schema: null,
            catalog.Id,
            Extends: null,
            catalog.BaseId,
            LabelDto.From(catalog.Name),
            catalog.Jurisdiction?.ToString(),
            Format(catalog.EffectiveFrom),
            [.. catalog.Domains.Select(ToDto)],
            [.. catalog.ServiceTypes.Select(ToDto)],
            [.. catalog.Methods.Select(ToDto)],
            [.. catalog.TargetGroups.Select(ToDto)],
            [.. catalog.Items.Select(ToDto)]);
        return JsonSerializer.Serialize(document, WriterContext.CatalogDocument);
    }

    /// <summary>Writes an extension as a JSON document that names its base and lists only the differences.</summary>
    /// <param name="extension">The extension.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(CatalogExtension extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var document = new CatalogDocument(Schema: null, extension.Id, extension.BaseId, BaseId: null, LabelDto.From(extension.Name), extension.Jurisdiction?.ToString(), Format(extension.EffectiveFrom))
        {
            Items = extension.AddedItems.Count == 0 ? null : [.. extension.AddedItems.Select(ToDto)],
            Relabel = extension.Relabels.Count == 0 ? null : [.. extension.Relabels.Select(r => new RelabelDto(r.Code, LabelDto.From(r.Label)))],
            Retire = extension.Retirements.Count == 0 ? null : [.. extension.Retirements.Select(r => new RetireDto(r.Code.Value, Format(r.On)))],
        };
        return JsonSerializer.Serialize(document, WriterContext.CatalogDocument);
    }

    private static ServiceCatalog? FromDocument(CatalogDocument document, DocumentReader reader, Func<string, ServiceCatalog?>? resolveBase)
    {
        if (string.IsNullOrWhiteSpace(document.Id))
        {
            reader.Add("$.id", "the catalog id is missing", "缺少清单编号");
        }
        var effectiveFrom = reader.Date(document.EffectiveFrom, "$.effectiveFrom", required: false);
        var jurisdiction = reader.Code(document.Jurisdiction, "$.jurisdiction", required: false);
        var name = LabelDto.Read(document.Name, reader, "$.name", required: false);
        var items = Items(document.Items, reader);
        if (document.Extends is not null)
        {
            return Extension(document, reader, resolveBase, effectiveFrom, jurisdiction, name, items);
        }
        if (document.Relabel is not null || document.Retire is not null)
        {
            reader.Add(document.Relabel is not null ? "$.relabel" : "$.retire", "relabel and retire are allowed only in a document that extends a base catalog", "relabel和retire只能用于扩展基础清单的文档");
        }
        var domains = Entries(document.Domains, "domains", reader);
        var types = Entries(document.ServiceTypes, "serviceTypes", reader);
        var methods = Entries(document.Methods, "methods", reader);
        var groups = Entries(document.TargetGroups, "targetGroups", reader);
        if (reader.HasProblems)
        {
            return null;
        }
        reader.AddRange(CatalogValidator.Validate(document.Id, domains, types, methods, groups, items));
        return reader.HasProblems ? null : reader.Guard("$", () => new ServiceCatalog(document.Id!, effectiveFrom, domains, types, methods, groups, items, jurisdiction, name, document.BaseId));
    }

    private static ServiceCatalog? Extension(CatalogDocument document, DocumentReader reader, Func<string, ServiceCatalog?>? resolveBase, LocalDate? effectiveFrom, DivisionCode? jurisdiction, LocalizedText? name, List<ServiceItem> items)
    {
        foreach (var (list, path) in new (object? List, string Path)[] { (document.Domains, "$.domains"), (document.ServiceTypes, "$.serviceTypes"), (document.Methods, "$.methods"), (document.TargetGroups, "$.targetGroups") })
        {
            if (list is not null)
            {
                reader.Add(path, "an extension document may not redefine the base's vocabularies; use relabel", "扩展文档不能重新定义基础清单的词表，请用relabel");
            }
        }
        var baseCatalog = (resolveBase ?? DefaultResolver)(document.Extends!);
        if (baseCatalog is null)
        {
            reader.Add("$.extends", $"base catalog '{document.Extends}' is not known", $"未知的基础清单'{document.Extends}'");
        }
        var relabels = new List<CatalogRelabel>();
        for (var i = 0; i < (document.Relabel?.Count ?? 0); i++)
        {
            var r = document.Relabel![i];
            var code = reader.Required(r.Code, $"$.relabel[{i}].code");
            if (LabelDto.Read(r.Label, reader, $"$.relabel[{i}].label", required: true) is { } label && code is not null)
            {
                relabels.Add(new CatalogRelabel(code, label));
            }
        }
        var retirements = new List<CatalogRetirement>();
        for (var i = 0; i < (document.Retire?.Count ?? 0); i++)
        {
            var r = document.Retire![i];
            var code = ItemCode(r.Code, $"$.retire[{i}].code", reader);
            if (reader.Date(r.On, $"$.retire[{i}].on", required: true) is { } on && code is { } c)
            {
                retirements.Add(new CatalogRetirement(c, on));
            }
        }
        if (reader.HasProblems)
        {
            return null;
        }
        var extension = new CatalogExtension(document.Id!, document.Extends!, effectiveFrom)
        {
            Jurisdiction = jurisdiction,
            Name = name,
            AddedItems = items,
            Relabels = relabels,
            Retirements = retirements,
        };
        try
        {
            return extension.ApplyTo(baseCatalog!);
        }
        catch (CatalogException ex)
        {
            // An extension that does not fit its base is still this document's fault, located in it.
            reader.AddRange(ex.Problems);
            return null;
        }
    }

    private static JsonSerializerOptions ReadableWithoutNulls()
    {
        var options = SocialWorkJson.CreateReadableOptions();
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }

    private static ServiceCatalog? DefaultResolver(string id) => id == "default" ? ServiceCatalog.Default : null;

    private static ServiceCode? ItemCode(string? text, string path, DocumentReader reader)
    {
        if (reader.Required(text, path) is null)
        {
            return null;
        }
        if (ServiceCode.GetParseError(text!, out _) is { } error)
        {
            reader.Add(path, $"item code '{text}' {error}", $"'{text}'不是有效的服务事项代码（如EL.01）");
            return null;
        }
        return ServiceCode.Parse(text!);
    }

    private static List<CatalogEntry> Entries(List<EntryDto>? dtos, string name, DocumentReader reader) => DocumentReader.Each(dtos, $"$.{name}", (dto, path) =>
    {
        var code = reader.Required(dto.Code, $"{path}.code");
        var label = LabelDto.Read(dto.Label, reader, $"{path}.label", required: true);
        return code is not null && label is not null ? new CatalogEntry(code, label, dto.Description) : null;
    });

    private static List<ServiceItem> Items(List<ItemDto>? dtos, DocumentReader reader) => DocumentReader.Each(dtos, "$.items", (dto, path) =>
    {
        var code = ItemCode(dto.Code, $"{path}.code", reader);
        var retiredOn = reader.Date(dto.RetiredOn, $"{path}.retiredOn", required: false);
        var label = LabelDto.Read(dto.Label, reader, $"{path}.label", required: true);
        return code is { } c && label is not null ? new ServiceItem(c, label, dto.Description, dto.ServiceTypes ?? [], dto.TargetGroups ?? [], retiredOn) : null;
    });

    private static string? Format(LocalDate? date) => date is null ? null : LocalDatePattern.Iso.Format(date.Value);

    private static EntryDto ToDto(CatalogEntry entry) => new(entry.Code, LabelDto.From(entry.Label), entry.Description);

    private static ItemDto ToDto(ServiceItem item) => new(
        item.Code.Value,
        LabelDto.From(item.Label),
        item.Description,
        item.ServiceTypes.Count == 0 ? null : [.. item.ServiceTypes],
        item.TargetGroups.Count == 0 ? null : [.. item.TargetGroups],
        Format(item.RetiredOn));

}

internal sealed record CatalogDocument(
    [property: JsonPropertyName("$schema")] string? Schema,
    string? Id,
    string? Extends,
    string? BaseId,
    LabelDto? Name,
    string? Jurisdiction,
    string? EffectiveFrom,
    List<EntryDto>? Domains = null,
    List<EntryDto>? ServiceTypes = null,
    List<EntryDto>? Methods = null,
    List<EntryDto>? TargetGroups = null,
    List<ItemDto>? Items = null,
    List<RelabelDto>? Relabel = null,
    List<RetireDto>? Retire = null);

internal sealed record EntryDto(string? Code, LabelDto? Label, string? Description);

internal sealed record ItemDto(string? Code, LabelDto? Label, string? Description, List<string>? ServiceTypes, List<string>? TargetGroups, string? RetiredOn);

internal sealed record RelabelDto(string? Code, LabelDto? Label);

internal sealed record RetireDto(string? Code, string? On);

[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(CatalogDocument))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
