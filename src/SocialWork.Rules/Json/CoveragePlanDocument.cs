namespace SocialWork.Rules;

/// <summary>A plan read from a document, with the station standard it names.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Standard">The station standard that grades stations.</param>
public sealed record CoveragePlanDocument(CoveragePlan Plan, StationStandard Standard);
