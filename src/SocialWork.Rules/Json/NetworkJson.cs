using System.Text.Json.Serialization;
using SocialWork.Json;

namespace SocialWork.Rules;

/// <summary>
/// Reads the workers document <c>{"workers":[{"id","employment","baseLevel","postCategory","facilityId","startedOn","leftOn","qualifications":[{"level","obtainedOn"}],
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
        => DocumentReader.Read(utf8Json, RulesJsonContext.Default.WorkersDto, problems => new DocumentException("workers document", problems, documentName), (dto, reader) => Workers(dto.Workers, reader, "$.workers"));

    /// <summary>Reads a network document.</summary>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <param name="documentName">The file name for messages.</param>
    /// <returns>The network.</returns>
    /// <exception cref="DocumentException">The document is malformed or invalid.</exception>
    public static ServiceNetwork LoadNetwork(Stream utf8Json, string? documentName = null)
        => DocumentReader.Read(utf8Json, RulesJsonContext.Default.NetworkDto, problems => new DocumentException("network document", problems, documentName), Network);

    private static ServiceNetwork Network(NetworkDto dto, DocumentReader reader)
    {
        var divisions = DocumentReader.Each(dto.Divisions, "$.divisions", (d, path) =>
        {
            var code = reader.Code(d.Code, $"{path}.code", required: true);
            var name = reader.Required(d.Name, $"{path}.name");
            return code is { } c && name is not null ? new Division(c, name) : null;
        });
        if (dto.Divisions is null)
        {
            reader.Add("$.divisions", "is missing", "缺少区划列表");
        }
        var profiles = new List<StationProfile>();
        var facilities = DocumentReader.Each(dto.Facilities, "$.facilities", (f, path) =>
        {
            var id = reader.Required(f.Id, $"{path}.id");
            var tier = reader.Enum<FacilityTier>(f.Tier, $"{path}.tier", required: true);
            var division = reader.Code(f.Division, $"{path}.division", required: true);
            var opened = reader.Date(f.OpenedOn, $"{path}.openedOn", required: true);
            var closed = reader.Date(f.ClosedOn, $"{path}.closedOn", required: false);
            if (id is null || tier is null || division is null || opened is null
                || reader.Guard(path, () => new Facility(id, f.Name ?? id, tier.Value, division.Value, opened.Value, closed)) is not { } facility)
            {
                return null;
            }
            if (f.Profile is { } p && reader.Finite(p.SiteAreaSquareMetres, $"{path}.profile.siteAreaSquareMetres"))
            {
                profiles.Add(p.ToModel(id));
            }
            return facility;
        });
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
            throw reader.Fail([new(directory is null ? "$.divisions" : "$.facilities", ex.Message)]);
        }
    }

    /// <summary>Writes a workers document that <see cref="LoadWorkers"/> reads back.</summary>
    /// <param name="workers">The workers.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeWorkers(IEnumerable<Worker> workers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        return System.Text.Json.JsonSerializer.Serialize(new WorkersDto(Schema: null, [.. workers.Select(ToDto)]), RulesJsonContext.Default.WorkersDto);
    }

    /// <summary>Writes a network document that <see cref="LoadNetwork"/> reads back.</summary>
    /// <param name="network">The network.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeNetwork(ServiceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var dto = new NetworkDto(
            Schema: null,
            network.Directory.Vintage,
            [.. network.Directory.Select(d => new DivisionDto(d.Code.ToString(), d.Name))],
            [.. network.Facilities.Select(f => new FacilityDto(
                f.Id,
                f.Name,
                DocumentReader.CamelCase(f.Tier.ToString()),
                f.Division.ToString(),
                Date(f.OpenedOn),
                f.ClosedOn is { } closed ? Date(closed) : null,
                network.Profiles.TryGetValue(f.Id, out var profile) ? ProfileDto.From(profile) : null))],
            network.Workers.Count == 0 ? null : [.. network.Workers.Select(ToDto)]);
        return System.Text.Json.JsonSerializer.Serialize(dto, RulesJsonContext.Default.NetworkDto);
    }

    private static string Date(NodaTime.LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    private static WorkerDto ToDto(Worker w) => new(
        w.Id,
        DocumentReader.CamelCase(w.Employment.ToString()),
        w.BaseLevel,
        w.PostCategory,
        w.FacilityId,
        w.Qualifications.Count == 0 ? null : [.. w.Qualifications.Select(q => new QualificationDto(DocumentReader.CamelCase(q.Level.ToString()), Date(q.ObtainedOn)))],
        w.Appointments.Count == 0 ? null : [.. w.Appointments.Select(a => new AppointmentDto(DocumentReader.CamelCase(a.Post.ToString()), Date(a.From), a.To is { } to ? Date(to) : null))],
        w.StartedOn is { } started ? Date(started) : null,
        w.LeftOn is { } left ? Date(left) : null);

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
                if (post == QualificationLevel.None)
                {
                    reader.Add($"{at}.appointments[{j}].post", "'none' is not a post: one of assistant, intermediate, senior (leave the appointment out for none)", "'none'不是岗位：应为assistant、intermediate、senior之一（无岗位则不写该项）");
                    post = null;
                }
                var from = reader.Date(a.From, $"{at}.appointments[{j}].from", required: true);
                var to = reader.Date(a.To, $"{at}.appointments[{j}].to", required: false);
                if (post is { } p && from is { } f && reader.Guard($"{at}.appointments[{j}]", () => new PostAppointment(p, f, to)) is { } appointment)
                {
                    appointments.Add(appointment);
                }
            }
            var startedOn = reader.Date(w.StartedOn, $"{at}.startedOn", required: false);
            var leftOn = reader.Date(w.LeftOn, $"{at}.leftOn", required: false);
            if (id is not null && employment is { } e && reader.Guard(at, () => new Worker(id, e, qualifications, appointments, w.FacilityId, w.BaseLevel, w.PostCategory, startedOn, leftOn)) is { } worker)
            {
                workers.Add(worker);
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < workers.Count; i++)
        {
            if (!seen.Add(workers[i].Id))
            {
                reader.Add($"{path}[{i}].id", $"worker id '{workers[i].Id}' appears more than once", $"人员编号'{workers[i].Id}'出现不止一次");
            }
        }
        return workers;
    }
}

internal sealed record WorkersDto([property: JsonPropertyName("$schema")] string? Schema, List<WorkerDto>? Workers);

internal sealed record WorkerDto(
    string? Id,
    string? Employment,
    int? BaseLevel,
    string? PostCategory,
    string? FacilityId,
    List<QualificationDto>? Qualifications,
    List<AppointmentDto>? Appointments,
    string? StartedOn = null,
    string? LeftOn = null);

internal sealed record QualificationDto(string? Level, string? ObtainedOn);

internal sealed record AppointmentDto(string? Post, string? From, string? To);

internal sealed record NetworkDto([property: JsonPropertyName("$schema")] string? Schema, int? Vintage, List<DivisionDto>? Divisions, List<FacilityDto>? Facilities, List<WorkerDto>? Workers);

internal sealed record DivisionDto(string? Code, string? Name);

internal sealed record FacilityDto(string? Id, string? Name, string? Tier, string? Division, string? OpenedOn, string? ClosedOn, ProfileDto? Profile);

/// <summary>A station's profile in a network document; the properties are those of <see cref="StationProfile"/> but its facility id.</summary>
internal sealed record ProfileDto(
    double? SiteAreaSquareMetres, int? Rooms, int? Staff, int? ResidentSocialWorkers, int? PartTimeSocialWorkers, int? CertifiedStaff,
    int? OpeningDaysPerWeek, bool? ServiceListPublished, bool? CaseFilesKept, int? RecentRecords,
    bool? HasSite, bool? HasEquipment, bool? HasStaff, bool? HasServiceFunctions, bool? HasWorkflows, bool? HasRules)
{
    internal static ProfileDto From(StationProfile p) => new(
        p.SiteAreaSquareMetres, p.Rooms, p.Staff, p.ResidentSocialWorkers, p.PartTimeSocialWorkers, p.CertifiedStaff,
        p.OpeningDaysPerWeek, p.ServiceListPublished, p.CaseFilesKept, p.RecentRecords,
        p.HasSite, p.HasEquipment, p.HasStaff, p.HasServiceFunctions, p.HasWorkflows, p.HasRules);

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
        RecentRecords = RecentRecords,
        HasSite = HasSite,
        HasEquipment = HasEquipment,
        HasStaff = HasStaff,
        HasServiceFunctions = HasServiceFunctions,
        HasWorkflows = HasWorkflows,
        HasRules = HasRules,
    };
}
