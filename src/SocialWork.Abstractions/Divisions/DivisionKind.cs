namespace SocialWork;

/// <summary>
/// What kind of unit a division code denotes, read from the code itself. Below the county the kind is encoded in the
/// segment's range (GB/T 10114-2003 for the township segment; the statistics bureau's coding rules for the village segment).
/// </summary>
public enum DivisionKind
{
    /// <summary>A province-level division (省级).</summary>
    Province,

    /// <summary>A prefecture-level division (地级), including leagues (盟).</summary>
    Prefecture,

    /// <summary>A county-level division (县级), including districts (区) and banners (旗).</summary>
    County,

    /// <summary>A street / subdistrict (街道): township segment 001–099.</summary>
    Street,

    /// <summary>A town (镇): township segment 100–199.</summary>
    Town,

    /// <summary>A township (乡), including sumu (苏木): township segment 200–399.</summary>
    Township,

    /// <summary>A township-like unit such as a development zone or farm (类似乡级单位): township segment 400–599.</summary>
    TownshipLike,

    /// <summary>A township-level segment outside the ranges above (600–999); the coding rules assign it no kind.</summary>
    OtherTownshipLevel,

    /// <summary>A residents' committee or community (居委会/社区): village segment 001–199.</summary>
    ResidentsCommittee,

    /// <summary>A villagers' committee (村委会), including gacha (嘎查): village segment 200–399.</summary>
    VillagersCommittee,

    /// <summary>A village-level segment outside the ranges above (400–999); the coding rules found so far assign it no kind.</summary>
    OtherVillageLevel,
}
