using System.Runtime.CompilerServices;

namespace SocialWork.Rules.Tests;

public class NamingTests
{
    [Fact]
    public void The_helpers_of_an_enum_live_in_a_class_named_after_it_with_Extensions()
    {
        var classes = new[] { typeof(DivisionCode).Assembly, typeof(CoveragePlan).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t is { IsAbstract: true, IsSealed: true })
            .Select(t => (Type: t, Enums: t.GetMethods().Where(m => m.IsDefined(typeof(ExtensionAttribute), false) && m.GetParameters()[0].ParameterType.IsEnum)
                .Select(m => m.GetParameters()[0].ParameterType).Distinct().ToList()))
            .Where(c => c.Enums.Count > 0)
            .ToList();
        Assert.True(classes.Count >= 6, $"found only {classes.Count} enum helper classes");
        Assert.All(classes, c => Assert.Equal(Assert.Single(c.Enums).Name + "Extensions", c.Type.Name));
    }
}
