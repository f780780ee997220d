namespace SocialWork.Rules;

/// <summary>A post category of a pay ladder and the levels it spans (for example 三岗十八级's general posts: levels 1–12).</summary>
/// <param name="Category">The category code, for example <c>head</c>, <c>deputy</c> or <c>general</c>.</param>
/// <param name="Label">The label, if any.</param>
/// <param name="MinLevel">The lowest level of the category.</param>
/// <param name="MaxLevel">The highest level of the category: uplifts stop here.</param>
public sealed record PostCategoryRange(string Category, LocalizedText? Label, int MinLevel, int MaxLevel);
