using NodaTime;

namespace SocialWork.Rules;

// The presets: pay-step policy shapes found in public sources. Legal dates are not known and are always parameters.
public sealed partial record PayStepPolicy
{
    /// <summary>
    /// The shape of 《兴安盟社区专职工作者管理办法(试行)》 as quoted in the seed article (中国社会报): "对取得初级、中级、高级社会
    /// 工作师资格的社区专职工作者并聘任在相应岗位的，分别提升1—3级基本报酬" — community full-time workers, qualification and
    /// matching post both required, 1/2/3 steps. The text does not say whether levels stack (highest only is used) nor
    /// when the uplift starts (next month is used); its legal dates are not in the source, so you supply them.
    /// </summary>
    /// <param name="id">The id to give the policy.</param>
    /// <param name="effectiveFrom">The first day in force, from your own copy of the measure.</param>
    /// <param name="jurisdiction">The jurisdiction (兴安盟 is 152200), if you want the set to match on it.</param>
    /// <returns>The policy.</returns>
    public static PayStepPolicy XingAnLeague(string id, LocalDate effectiveFrom, DivisionCode? jurisdiction = null) => new(id, effectiveFrom)
    {
        Name = new LocalizedText("兴安盟社区专职工作者持证提升基本报酬", "Xing'an League uplift for certified community full-time workers"),
        Source = "《兴安盟社区专职工作者管理办法(试行)》, quoted in 中国社会报 (seed); steps 1/2/3; dates supplied by the user.",
        Jurisdiction = jurisdiction,
    };

    /// <summary>
    /// The shape reported for Hohhot (educity.cn/shgzz/5273130.html, secondary): +1/+2/+3 levels within the post's grade
    /// range, highest only, not cumulative (就高不叠加). Give the ladder whose ranges cap the uplift; dates are yours.
    /// </summary>
    /// <param name="id">The id to give the policy.</param>
    /// <param name="effectiveFrom">The first day in force.</param>
    /// <param name="ladder">The ladder whose category ranges cap the effective level.</param>
    /// <returns>The policy.</returns>
    public static PayStepPolicy Hohhot(string id, LocalDate effectiveFrom, PayLadder ladder) => new(id, effectiveFrom)
    {
        Name = new LocalizedText("呼和浩特市持证社工岗位等级提升", "Hohhot level uplift for certified social workers"),
        Source = "Hohhot, as reported by educity.cn/shgzz/5273130.html [secondary]: +1/+2/+3 within the post's range, highest only.",
        Ladder = ladder,
    };
}
