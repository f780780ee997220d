namespace SocialWork;

/// <summary>How a service was delivered. The codes (<c>visit</c>, <c>file</c>, …) are those of the records CSV format.</summary>
public enum ServiceMethod
{
    /// <summary>Home visit (入户走访); code <c>visit</c>. Households count the homes visited.</summary>
    Visit,

    /// <summary>Case file opened (建档); code <c>file</c>.</summary>
    File,

    /// <summary>Casework (个案服务); code <c>casework</c>.</summary>
    Casework,

    /// <summary>Group work session (小组活动); code <c>group</c>.</summary>
    Group,

    /// <summary>Themed or community activity (主题/社区活动); code <c>activity</c>.</summary>
    Activity,

    /// <summary>Training, including mentoring (培训、传帮带教); code <c>training</c>.</summary>
    Training,

    /// <summary>Any other method; code <c>other</c>.</summary>
    Other,
}
