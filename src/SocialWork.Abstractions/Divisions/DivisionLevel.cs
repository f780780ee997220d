namespace SocialWork;

/// <summary>
/// The five levels of China's statistical division codes (统计用区划代码), from the top down.
/// The numeric values order the levels: a smaller value is a higher (larger) level.
/// </summary>
public enum DivisionLevel
{
    /// <summary>Province-level division (省、自治区、直辖市): the first two digits.</summary>
    Province = 1,

    /// <summary>Prefecture-level division (地级市、地区、自治州、盟): digits 3–4.</summary>
    Prefecture = 2,

    /// <summary>County-level division (县、县级市、市辖区、旗): digits 5–6.</summary>
    County = 3,

    /// <summary>Township-level division (乡、镇、街道、苏木): digits 7–9.</summary>
    Township = 4,

    /// <summary>Village-level division (村委会、居委会/社区、嘎查): digits 10–12.</summary>
    Village = 5,
}
