namespace SocialWork;

/// <summary>The kinds of named programme that stations run.</summary>
public enum ProgrammeKind
{
    /// <summary>A five-society linkage pilot (五社联动试点).</summary>
    FiveSocietyLinkage,

    /// <summary>A "three regions" social-work talent project (三区计划).</summary>
    ThreeRegions,

    /// <summary>Public-benefit venture funding or a micro-venture contest (公益创投 / 微创投).</summary>
    VentureFunding,

    /// <summary>A brand plan such as 蜜蜂计划, possibly with sub-plans.</summary>
    BrandPlan,


    /// <summary>Any other programme.</summary>
    Other,

    /// <summary>A sub-plan of a brand plan (蜜蜂计划's 暖阳, 乐龄, 雏鹰, 乐居); its parent is the plan.</summary>
    SubPlan,

    /// <summary>One project funded in a venture-funding round (公益创投项目); its parent is the round.</summary>
    VentureProject,
}
