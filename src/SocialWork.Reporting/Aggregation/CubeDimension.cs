namespace SocialWork.Reporting;

/// <summary>The third axis of a cube, besides division and period.</summary>
public enum CubeDimension
{
    /// <summary>No third axis: one key, the empty string.</summary>
    None,

    /// <summary>By service domain (the part of the code before the first dot).</summary>
    Domain,

    /// <summary>By method code.</summary>
    Method,

    /// <summary>By item (or domain) code as recorded.</summary>
    Item,

    /// <summary>By target-group code; records without one have the empty key.</summary>
    TargetGroup,

    /// <summary>
    /// By programme id; records without one have the empty key. With <see cref="CubeQuery.Programmes"/> set, sub-plans and
    /// projects roll up to the programme they belong to (暖阳 counts under 蜜蜂计划, a 公益创投 project under its round).
    /// </summary>
    Programme,

    /// <summary>
    /// By service type (照料护理 <c>CARE</c>, 能力提升 <c>CAPA</c>, …) through <see cref="CubeQuery.Catalog"/>'s item → type
    /// links. An item that lists several types counts under the first, its primary type, so each record counts once and
    /// the types add up to the total; records coded at domain level, or whose item lists no type or is not in the
    /// catalog, have the empty key.
    /// </summary>
    ServiceType,

    /// <summary>
    /// By five-society party involved (五社联动: <c>community</c>, <c>organisation</c>, <c>socialWorker</c>,
    /// <c>volunteer</c>, <c>charity</c>); records naming none have the empty key. A record naming three parties counts under
    /// each, so the keys overlap: <see cref="Cube.Total"/> is the records' total, not the sum of the keys
    /// (<see cref="Cube.KeysOverlap"/>).
    /// </summary>
    Party,
}
