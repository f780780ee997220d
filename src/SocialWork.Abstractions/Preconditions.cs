using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace SocialWork;

/// <summary>Argument checks that name the parameter and the offending value (in the spirit of NodaTime's Preconditions).</summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>([NotNull] T? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        where T : class
        => argument ?? throw new ArgumentNullException(paramName);

    internal static string CheckNotBlank([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(argument, paramName);
        if (string.IsNullOrWhiteSpace(argument))
        {
            throw new ArgumentException($"{paramName} must not be empty or white space.", paramName);
        }
        return argument;
    }

    internal static int CheckNonNegative(int value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => value >= 0 ? value : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must not be negative; was {value}.");

    internal static long CheckNonNegative(long value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => value >= 0 ? value : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must not be negative; was {value}.");

    internal static void CheckArgument([DoesNotReturnIf(false)] bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    internal static void CheckDefined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} has an undefined {typeof(TEnum).Name} value {value}.");
        }
    }
}
