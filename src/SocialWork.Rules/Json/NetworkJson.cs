using System.Text.Json.Serialization;

namespace SocialWork.Rules;

/// <summary>
/// Reads the workers document <c>{"workers":[{"id","employment","baseLevel","postCategory","facilityId","qualifications":[{"level","obtainedOn"}],
/// "appointments":[{"post","from","to"}]}]}</c> and the network document <c>{"vintage","divisions":[{"code","name"}],
/// "facilities":[{"id","name","tier","division","openedOn","closedOn","profile":{…}}],"workers":[…]}</c>; every problem is
/// reported with its JSON path in a <see cref="DocumentException"/>.
/// </summary>
public static class NetworkJson
{
    /// <summary>Reads a workers document.</summary>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <param name="documentName">The file name for messages.</param>
    /// <returns>The workers, in document order.</returns>
    /// <exception cref="DocumentException">The document is malformed or invalid.</exception>
    public static IReadOnlyList<Worker> LoadWorkers(Stream utf8Json, string? documentName = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        const string Kind = "workers document";
        var (dto, reader) = DocumentReader.Open(utf8Json, RulesJsonContext.Default.WorkersDto, Kind, documentName);
        var workers = Workers(dto.Workers, reader, "$.workers");
        reader.ThrowIfAny();
        return workers;
    }

    /// <summary>Reads a network document.</summary>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <param name="documentName">The file name for messages.</param>
    /// <returns>The network.</returns>
    /// <exception cref="DocumentException">The document is malformed or invalid.</exception>
    public static ServiceNetwork LoadNetwork(Stream utf8Json, string? documentName = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        const string Kind = "network document";
        var (dto, reader) = DocumentReader.Open(utf8Json, RulesJsonContext.Default.NetworkDto, Kind, documentName);
        var divisions = new List<Division>();
        for (var i = 0; i < (dto.Divisions?.Count ?? 0); i++)
        {
            var d = dto.Divisions![i];
            var code = reader.Code(d.Code, $"$.divisions[{i}].code", required: true);
            var name = reader.Required(d.Name, $"$.divisions[{i}].name");
            if (code is { } c && name is not null)
            {
                divisions.Add(new Division(c, name));
            }
        }
        if (dto.Divisions is null)
        {
            reader.Add("$.divisions", "is missing");
        }
        var facilities = new List<Facility>();
        var profiles = new List<StationProfile>();
        for (var i = 0; i < (dto.Facilities?.Count ?? 0); i++)
        {
            var f = dto.Facilities![i];
            var path = $"$.facilities[{i}]";
            var id = reader.Required(f.Id, $"{path}.id");
            var tier = reader.Enum<FacilityTier>(f.Tier, $"{path}.tier", required: true);
            var division = reader.Code(f.Division, $"{path}.division", required: true);
            var opened = reader.Date(f.OpenedOn, $"{path}.openedOn", required: true);
            var closed = reader.Date(f.ClosedOn, $"{path}.closedOn", required: false);
            if (id is null || tier is null || division is null || opened is null)
            {
                continue;
            }
            var facility = reader.Guard(path, () => new Facility(id, f.Name ?? id, tier.Value, division.Value, opened.Value, closed));
            if (facility is not null)
            {
                facilities.Add(facility);
                if (f.Profile is { } p && reader.Finite(p.SiteAreaSquareMetres, $"{path}.profile.siteAreaSquareMetres"))
                {
                    profiles.Add(p.ToModel(id));
                }
            }
        }
        var workers = Workers(dto.Workers, reader, "$.workers");
        reader.ThrowIfAny();
        DivisionDirectory? directory = null;
        try
        {
            directory = new DivisionDirectory(divisions, dto.Vintage ?? 2023);
            return new ServiceNetwork(directory, facilities, workers, profiles);
        }
        catch (ArgumentException ex)
        {
            throw new DocumentException(Kind, [new(directory is null ? "$.divisions" : "$.facilities", ex.Message)], documentName);
        }
    }

    /// <summary>Writes a workers document that <see cref="LoadWorkers"/> reads back.</summary>
    /// <param name="workers">The workers.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeWorkers(IEnumerable<Worker> workers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        return System.Text.Json.JsonSerializer.Serialize(new WorkersDto { Workers = [.. workers.Select(ToDto)] }, RulesJsonContext.Default.WorkersDto);
    }

    /// <summary>Writes a network document that <see cref="LoadNetwork"/> reads back.</summary>
    /// <param name="network">The network.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeNetwork(ServiceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var dto = new NetworkDto
        {
            Vintage = network.Directory.Vintage,
            Divisions = [.. network.Directory.Select(d => new DivisionDto { Code = d.Code.ToString(), Name = d.Name })],
            Facilities = [.. network.Facilities.Select(f => new FacilityDto
            {
                Id = f.Id,
                Name = f.Name,
                Tier = DocumentReader.CamelCase(f.Tier.ToString()),
                Division = f.Division.ToString(),
                OpenedOn = Date(f.OpenedOn),
                ClosedOn = f.ClosedOn is { } closed ? Date(closed) : null,
                Profile = network.Profiles.TryGetValue(f.Id, out var profile) ? ProfileDto.From(profile) : null,
            })],
            Workers = network.Workers.Count == 0 ? null : [.. network.Workers.Select(ToDto)],
        };
        return System.Text.Json.JsonSerializer.Serialize(dto, RulesJsonContext.Default.NetworkDto);
    }

    private static string Date(NodaTime.LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    private static WorkerDto ToDto(Worker w) => new()
    {
        Id = w.Id,
        Employment = DocumentReader.CamelCase(w.Employment.ToString()),
        BaseLevel = w.BaseLevel,
        PostCategory = w.PostCategory,
        FacilityId = w.FacilityId,
        Qualifications = w.Qualifications.Count == 0 ? null : [.. w.Qualifications.Select(q => new QualificationDto { Level = DocumentReader.CamelCase(q.Level.ToString()), ObtainedOn = Date(q.ObtainedOn) })],
        Appointments = w.Appointments.Count == 0 ? null : [.. w.Appointments.Select(a => new AppointmentDto { Post = DocumentReader.CamelCase(a.Post.ToString()), From = Date(a.From), To = a.To is { } to ? Date(to) : null })],
    };

    internal static List<Worker> Workers(List<WorkerDto>? dtos, DocumentReader reader, string path)
    {
        var workers = new List<Worker>();
        for (var i = 0; i < (dtos?.Count ?? 0); i++)
        {
            var w = dtos![i];
            var at = $"{path}[{i}]";
            var id = reader.Required(w.Id, $"{at}.id");
            var employment = reader.Enum<Employment>(w.Employment, $"{at}.employment", required: true);
            var qualifications = new List<Qualification>();
            for (var j = 0; j < (w.Qualifications?.Count ?? 0); j++)
            {
                var q = w.Qualifications![j];
                var level = reader.Enum<QualificationLevel>(q.Level, $"{at}.qualifications[{j}].level", required: true);
                var on = reader.Date(q.ObtainedOn, $"{at}.qualifications[{j}].obtainedOn", required: true);
                if (level is { } l && on is { } o && reader.Guard($"{at}.qualifications[{j}].level", () => new Qualification(l, o)) is { } qualification)
                {
                    qualifications.Add(qualification);
                }
            }
            var appointments = new List<PostAppointment>();
            for (var j = 0; j < (w.Appointments?.Count ?? 0); j++)
            {
                var a = w.Appointments![j];
                var post = reader.Enum<QualificationLevel>(a.Post, $"{at}.appointments[{j}].post", required: true);
                var from = reader.Date(a.From, $"{at}.appointments[{j}].from", required: true);
                var to = reader.Date(a.To, $"{at}.appointments[{j}].to", required: false);
                if (post is { } p && from is { } f && reader.Guard($"{at}.appointments[{j}]", () => new PostAppointment(p, f, to)) is { } appointment)
                {
                    appointments.Add(appointment);
                }
            }
            if (id is not null && employment is { } e && reader.Guard(at, () => new Worker(id, e, qualifications, appointments, w.FacilityId, w.BaseLevel, w.PostCategory)) is { } worker)
            {
                workers.Add(worker);
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < workers.Count; i++)
        {
            if (!seen.Add(workers[i].Id))
            {
                reader.Add($"{path}[{i}].id", $"worker id '{workers[i].Id}' appears more than once");
            }
        }
        return workers;
    }
}

internal sealed class WorkersDto
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public List<WorkerDto>? Workers { get; set; }
}

internal sealed class WorkerDto
{
    public string? Id { get; set; }

    public string? Employment { get; set; }

    public int? BaseLevel { get; set; }

    public string? PostCategory { get; set; }

    public string? FacilityId { get; set; }

    public List<QualificationDto>? Qualifications { get; set; }

    public List<AppointmentDto>? Appointments { get; set; }
}

internal sealed class QualificationDto
{
    public string? Level { get; set; }

    public string? ObtainedOn { get; set; }
}

internal sealed class AppointmentDto
{
    public string? Post { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }
}

internal sealed class NetworkDto
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public int? Vintage { get; set; }

    public List<DivisionDto>? Divisions { get; set; }

    public List<FacilityDto>? Facilities { get; set; }

    public List<WorkerDto>? Workers { get; set; }
}

internal sealed class DivisionDto
{
    public string? Code { get; set; }

    public string? Name { get; set; }
}

internal sealed class FacilityDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Tier { get; set; }

    public string? Division { get; set; }

    public string? OpenedOn { get; set; }

    public string? ClosedOn { get; set; }

    public ProfileDto? Profile { get; set; }
}

internal sealed class ProfileDto
{
    public double? SiteAreaSquareMetres { get; set; }

    public int? Rooms { get; set; }

    public int? Staff { get; set; }

    public int? ResidentSocialWorkers { get; set; }

    public int? PartTimeSocialWorkers { get; set; }

    public int? CertifiedStaff { get; set; }

    public int? OpeningDaysPerWeek { get; set; }

    public bool? ServiceListPublished { get; set; }

    public bool? CaseFilesKept { get; set; }

    public int? RecordsLast90Days { get; set; }

    public bool? HasSite { get; set; }

    public bool? HasEquipment { get; set; }

    public bool? HasStaff { get; set; }

    public bool? HasServiceFunctions { get; set; }

    public bool? HasWorkflows { get; set; }

    public bool? HasRules { get; set; }

    internal static ProfileDto From(StationProfile p) => new()
    {
        SiteAreaSquareMetres = p.SiteAreaSquareMetres,
        Rooms = p.Rooms,
        Staff = p.Staff,
        ResidentSocialWorkers = p.ResidentSocialWorkers,
        PartTimeSocialWorkers = p.PartTimeSocialWorkers,
        CertifiedStaff = p.CertifiedStaff,
        OpeningDaysPerWeek = p.OpeningDaysPerWeek,
        ServiceListPublished = p.ServiceListPublished,
        CaseFilesKept = p.CaseFilesKept,
        RecordsLast90Days = p.RecordsLast90Days,
        HasSite = p.HasSite,
        HasEquipment = p.HasEquipment,
        HasStaff = p.HasStaff,
        HasServiceFunctions = p.HasServiceFunctions,
        HasWorkflows = p.HasWorkflows,
        HasRules = p.HasRules,
    };

    internal StationProfile ToModel(string facilityId) => new(facilityId)
    {
        SiteAreaSquareMetres = SiteAreaSquareMetres,
        Rooms = Rooms,
        Staff = Staff,
        ResidentSocialWorkers = ResidentSocialWorkers,
        PartTimeSocialWorkers = PartTimeSocialWorkers,
        CertifiedStaff = CertifiedStaff,
        OpeningDaysPerWeek = OpeningDaysPerWeek,
        ServiceListPublished = ServiceListPublished,
        CaseFilesKept = CaseFilesKept,
        RecordsLast90Days = RecordsLast90Days,
        HasSite = HasSite,
        HasEquipment = HasEquipment,
        HasStaff = HasStaff,
        HasServiceFunctions = HasServiceFunctions,
        HasWorkflows = HasWorkflows,
        HasRules = HasRules,
    };
}
