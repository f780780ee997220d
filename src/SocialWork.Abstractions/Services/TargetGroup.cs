namespace SocialWork;

/// <summary>
/// The groups a service targets. The four 蜜蜂计划 sub-plans of 竞秀区 map onto the first four: 暖阳 → hardship,
/// 乐龄 → elderly, 雏鹰 → children, 乐居 → empowerment.
/// </summary>
public enum TargetGroup
{
    /// <summary>People in special hardship (特殊困难群体); code <c>hardship</c>.</summary>
    Hardship,

    /// <summary>Older people (老年人); code <c>elderly</c>.</summary>
    Elderly,

    /// <summary>Children and young people (儿童青少年); code <c>children</c>.</summary>
    Children,

    /// <summary>Community empowerment (社区增能); code <c>empowerment</c>.</summary>
    Empowerment,

    /// <summary>People with disabilities (残疾人); code <c>disabled</c>.</summary>
    Disabled,
}
