namespace SocialWork;

/// <summary>Checks a catalog's content and names each problem with its JSON path.</summary>
internal static class CatalogValidator
{
    internal static List<DocumentProblem> Validate(
        string? id,
        IReadOnlyList<CatalogEntry> domains,
        IReadOnlyList<CatalogEntry> serviceTypes,
        IReadOnlyList<CatalogEntry> methods,
        IReadOnlyList<CatalogEntry> targetGroups,
        IReadOnlyList<ServiceItem> items)
    {
        var problems = new List<DocumentProblem>();
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(new("$.id", "the catalog id is missing"));
        }
        var firstSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < domains.Count; i++)
        {
            var path = $"$.domains[{i}].code";
            var code = domains[i].Code;
            if (ServiceCode.GetParseError(code, out _) is { } error || code.Contains('.', StringComparison.Ordinal))
            {
                problems.Add(new(path, $"domain code '{code}' {ServiceCode.GetParseError(code, out _) ?? "must not contain a dot"}"));
            }
            CheckUnique(code, path);
        }
        var typeCodes = Vocabulary(serviceTypes, "serviceTypes", null);
        Vocabulary(methods, "methods", [.. ServiceMethodExtensions.All.Select(m => m.ToCode())]);
        var groupCodes = Vocabulary(targetGroups, "targetGroups", [.. TargetGroupExtensions.All.Select(g => g.ToCode())]);
        var domainCodes = domains.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var itemCodes = items.Select(i => i.Code.Value).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var path = $"$.items[{i}]";
            var code = item.Code.Value;
            if (ServiceCode.GetParseError(code, out _) is { } error)
            {
                problems.Add(new($"{path}.code", $"item code '{code}' {error}"));
                continue;
            }
            if (item.Code.IsDomain)
            {
                problems.Add(new($"{path}.code", $"item code '{code}' has no item segment; expected DOMAIN.NN such as EL.01"));
                continue;
            }
            CheckUnique(code, $"{path}.code");
            if (!domainCodes.Contains(item.Domain.Value))
            {
                problems.Add(new($"{path}.code", $"item '{code}' belongs to domain '{item.Domain}', which is not in $.domains"));
            }
            else if (item.Code.Depth > 1 && !itemCodes.Contains(item.Code.Parent.Value))
            {
                problems.Add(new($"{path}.code", $"sub-item '{code}' has no parent item '{item.Code.Parent}'"));
            }
            for (var j = 0; j < item.ServiceTypes.Count; j++)
            {
                if (!typeCodes.Contains(item.ServiceTypes[j]))
                {
                    problems.Add(new($"{path}.serviceTypes[{j}]", $"item '{code}' names unknown service type '{item.ServiceTypes[j]}'"));
                }
            }
            for (var j = 0; j < item.TargetGroups.Count; j++)
            {
                if (!groupCodes.Contains(item.TargetGroups[j]))
                {
                    problems.Add(new($"{path}.targetGroups[{j}]", $"item '{code}' names unknown target group '{item.TargetGroups[j]}'"));
                }
            }
        }
        return problems;

        void CheckUnique(string code, string path)
        {
            if (!firstSeen.TryAdd(code, path))
            {
                problems.Add(new(path, $"duplicate code '{code}' (first at {firstSeen[code]})"));
            }
        }

        HashSet<string> Vocabulary(IReadOnlyList<CatalogEntry> entries, string name, HashSet<string>? allowed)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < entries.Count; i++)
            {
                var path = $"$.{name}[{i}].code";
                var code = entries[i].Code;
                if (string.IsNullOrWhiteSpace(code))
                {
                    problems.Add(new(path, $"{name} entry has an empty code"));
                }
                else if (allowed is not null && !allowed.Contains(code))
                {
                    problems.Add(new(path, $"'{code}' is not one of {string.Join(", ", allowed)}"));
                }
                else if (!seen.Add(code))
                {
                    problems.Add(new(path, $"duplicate code '{code}' in {name}"));
                }
            }
            return seen;
        }
    }
}
