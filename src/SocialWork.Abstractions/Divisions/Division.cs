namespace SocialWork;

/// <summary>A named statistical division: a code and the name the statistics bureau gives it.</summary>
public sealed record Division
{
    /// <summary>Creates a division.</summary>
    /// <param name="code">The 12-digit code.</param>
    /// <param name="name">The name, for example 竞秀区.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public Division(DivisionCode code, string name)
    {
        Code = code;
        Name = Preconditions.CheckNotBlank(name);
    }

    /// <summary>Gets the code.</summary>
    public DivisionCode Code { get; }

    /// <summary>Gets the name.</summary>
    public string Name { get; }

    /// <summary>Gets the level, from the code.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DivisionLevel Level => Code.Level;

    /// <summary>Gets the kind of unit, from the code.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DivisionKind Kind => Code.Kind;

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Name}";
}
