namespace SocialWork.Rules;

/// <summary>The outcome of checking one record against the catalog, without explanation (allocation-free).</summary>
public enum CatalogCheckOutcome
{
    /// <summary>The code is active in the version in force and the counts fit the method.</summary>
    Valid,

    /// <summary>No catalog version was in force on the record's date.</summary>
    NoCatalogInForce,

    /// <summary>The code is neither a domain nor an item of the version in force.</summary>
    UnknownCode,

    /// <summary>The item was retired on or before the record's date.</summary>
    RetiredCode,

    /// <summary>Households are recorded for a method that does not reach households (only home visits do).</summary>
    HouseholdsNotApplicable,
}
