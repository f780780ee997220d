namespace SocialWork;

/// <summary>Labels of <see cref="ProgrammeKind"/> values.</summary>
public static class ProgrammeKindExtensions
{
    /// <summary>Gets the kind's label in zh-CN and English.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>For example 五社联动试点 / five-society linkage pilot.</returns>
    public static LocalizedText GetLabel(this ProgrammeKind kind) => kind switch
    {
        ProgrammeKind.FiveSocietyLinkage => new("五社联动试点", "five-society linkage pilot"),
        ProgrammeKind.ThreeRegions => new("三区计划", "three-regions plan"),
        ProgrammeKind.VentureFunding => new("公益创投", "venture funding"),
        ProgrammeKind.BrandPlan => new("品牌计划", "brand plan"),
        ProgrammeKind.SubPlan => new("子计划", "sub-plan"),
        ProgrammeKind.VentureProject => new("公益创投项目", "venture project"),
        ProgrammeKind.Other => new("其他项目", "other programme"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown programme kind."),
    };
}
