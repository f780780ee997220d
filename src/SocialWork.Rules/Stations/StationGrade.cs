namespace SocialWork.Rules;

/// <summary>A station's grade against a standard.</summary>
public enum StationGrade
{
    /// <summary>Some core criterion is not met.</summary>
    Unmet,

    /// <summary>Every core criterion is met (规范).</summary>
    Standard,

    /// <summary>Every core and every extra criterion is met (提升).</summary>
    Improved,
}
