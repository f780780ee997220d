using System.Text.Json.Serialization;
using SocialWork.Json;

namespace SocialWork.Rules;

/// <summary>
/// Reads the institutions document <c>{"institutions":[{"id","name","sector","division","posts":[{"id","from","to"}]}]}</c>;
/// every problem is reported with its JSON path in a <see cref="DocumentException"/>.
/// </summary>
public static class InstitutionsJson
{
    /// <summary>Reads an institutions document.</summary>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <param name="documentName">The file name for messages.</param>
    /// <returns>The institutions, in document order.</returns>
    /// <exception cref="DocumentException">The document is malformed or invalid.</exception>
    public static IReadOnlyList<Institution> Load(Stream utf8Json, string? documentName = null)
        => DocumentReader.Read(utf8Json, RulesJsonContext.Default.InstitutionsDto, problems => new DocumentException("institutions document", problems, documentName), Institutions);

    private static List<Institution> Institutions(InstitutionsDto dto, DocumentReader reader)
    {
        if (dto.Institutions is null)
        {
            reader.Add("$.institutions", "is missing", "缺少机构列表");
        }
        var institutions = DocumentReader.Each(dto.Institutions, "$.institutions", (i, path) =>
        {
            var id = reader.Required(i.Id, $"{path}.id");
            var name = reader.Required(i.Name, $"{path}.name");
            var sector = reader.Required(i.Sector, $"{path}.sector");
            var division = reader.Code(i.Division, $"{path}.division", required: true);
            var posts = DocumentReader.Each(i.Posts, $"{path}.posts", (p, at) =>
            {
                var postId = reader.Required(p.Id, $"{at}.id");
                var from = reader.Date(p.From, $"{at}.from", required: true);
                var to = reader.Date(p.To, $"{at}.to", required: false);
                if (from is { } f && to is { } t && t < f)
                {
                    reader.Add($"{at}.to", $"{p.To} is before from {p.From}", $"撤销日期{p.To}早于设立日期{p.From}");
                    return null;
                }
                return postId is not null && from is not null ? new InstitutionPost(postId, from.Value, to) : null;
            });
            return id is null || name is null || sector is null || division is null
                ? null
                : reader.Guard(path, () => new Institution(id, name, sector, division.Value, posts));
        });
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (dto.Institutions?.Count ?? 0); i++)
        {
            if (dto.Institutions![i].Id is { } id && !seen.Add(id))
            {
                reader.Add($"$.institutions[{i}].id", $"institution id '{id}' appears more than once", $"机构编号'{id}'出现不止一次");
            }
        }
        return institutions;
    }
}

internal sealed record InstitutionsDto([property: JsonPropertyName("$schema")] string? Schema, List<InstitutionDto>? Institutions);

internal sealed record InstitutionDto(string? Id, string? Name, string? Sector, string? Division, List<PostDto>? Posts);

internal sealed record PostDto(string? Id, string? From, string? To);
