using NodaTime;

namespace SocialWork;

/// <summary>How a derived catalog retires an item of its base: the item and the first day it is no longer offered.</summary>
/// <param name="Code">The item code.</param>
/// <param name="On">The first day the item is retired.</param>
public sealed record CatalogRetirement(ServiceCode Code, LocalDate On);
