namespace SocialWork.Rules;

/// <summary>
/// The service network of a territory (社会工作服务体系): its divisions, facilities, workers and station profiles. Facility
/// ids are unique and every facility sits at a division of the directory.
/// </summary>
public sealed class ServiceNetwork
{
    /// <summary>Creates a network and validates it.</summary>
    /// <param name="directory">The divisions.</param>
    /// <param name="facilities">The facilities.</param>
    /// <param name="workers">The workers, if known.</param>
    /// <param name="profiles">Station profiles by facility id, if known.</param>
    /// <exception cref="ArgumentException">A facility id repeats, or a facility's division is not in the directory; every problem is listed.</exception>
    public ServiceNetwork(DivisionDirectory directory, IReadOnlyList<Facility> facilities, IReadOnlyList<Worker>? workers = null, IReadOnlyList<StationProfile>? profiles = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(facilities);
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var facility in facilities)
        {
            if (!ids.Add(facility.Id))
            {
                problems.Add($"facility id '{facility.Id}' appears more than once");
            }
            if (!directory.Contains(facility.Division))
            {
                problems.Add($"facility '{facility.Id}' sits at division {facility.Division}, which is not in the directory");
            }
        }
        var profileMap = new Dictionary<string, StationProfile>(StringComparer.Ordinal);
        foreach (var profile in profiles ?? [])
        {
            if (!ids.Contains(profile.FacilityId))
            {
                problems.Add($"station profile names facility '{profile.FacilityId}', which is not in the network");
            }
            else if (!profileMap.TryAdd(profile.FacilityId, profile))
            {
                problems.Add($"facility '{profile.FacilityId}' has more than one station profile");
            }
        }
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The service network is invalid: {string.Join("; ", problems)}.", nameof(facilities));
        }
        Directory = directory;
        Facilities = facilities;
        Workers = workers ?? [];
        Profiles = profileMap;
    }

    /// <summary>Gets the divisions.</summary>
    public DivisionDirectory Directory { get; }

    /// <summary>Gets the facilities.</summary>
    public IReadOnlyList<Facility> Facilities { get; }

    /// <summary>Gets the workers.</summary>
    public IReadOnlyList<Worker> Workers { get; }

    /// <summary>Gets the station profiles by facility id.</summary>
    public IReadOnlyDictionary<string, StationProfile> Profiles { get; }
}
