using System.Security.Claims;
using SocialWork.Reporting;

namespace SocialWork.Samples.Web.Security;

/// <summary>
/// Who is asking, as the host's rules see it: a name for the logs, the divisions the caller may see and write (one
/// <c>division</c> claim per scope: a 6-, 9- or 12-digit code) and its roles (<c>role</c> claims).
/// </summary>
/// <param name="Name">The principal's name for logs and rate limiting: its <c>sub</c> claim, else its identity's name.</param>
/// <param name="Scope">The divisions of its <c>division</c> claims; a claim that is not a division code grants nothing.</param>
/// <param name="Roles">Its roles.</param>
public sealed record Caller(string Name, DivisionScope Scope, IReadOnlySet<string> Roles)
{
    /// <summary>The claim that carries one division scope.</summary>
    public const string DivisionClaim = "division";

    /// <summary>The claim that carries one role.</summary>
    public const string RoleClaim = "role";

    /// <summary>The claim that names the principal (JWT <c>sub</c>).</summary>
    public const string NameClaim = "sub";

    /// <summary>Reads the caller from an authenticated principal.</summary>
    /// <param name="principal">The principal.</param>
    /// <returns>The caller; an anonymous principal has no name, no scope and no role.</returns>
    public static Caller From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var codes = new List<DivisionCode>();
        foreach (var claim in principal.FindAll(DivisionClaim))
        {
            if (DivisionCode.TryParse(claim.Value, out var code))
            {
                codes.Add(code);
            }
        }
        var roles = principal.FindAll(RoleClaim).Concat(principal.FindAll(ClaimTypes.Role)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var name = principal.FindFirst(NameClaim)?.Value ?? principal.Identity?.Name ?? string.Empty;
        return new Caller(name, DivisionScope.Of(codes), roles);
    }

    /// <summary>Gets a value indicating whether the caller may read reports and dashboards (any of the three roles, and a scope).</summary>
    public bool CanRead => !Scope.IsEmpty && (Roles.Contains(SocialWorkRoles.Viewer) || Roles.Contains(SocialWorkRoles.Reporter) || Roles.Contains(SocialWorkRoles.Approver));

    /// <summary>Gets a value indicating whether the caller may store records inside its scope (<c>reporter</c>, and a scope).</summary>
    public bool CanWrite => !Scope.IsEmpty && Roles.Contains(SocialWorkRoles.Reporter);

    /// <summary>Gets whether the caller may approve and return reports (the approver role, with a scope).</summary>
    public bool CanApprove => !Scope.IsEmpty && Roles.Contains(SocialWorkRoles.Approver);

    /// <summary>Gets the caller as the reporting ledger knows it: its name in the history, its scope, its roles.</summary>
    public SubmissionActor Actor => new(Name, Scope, Roles.Contains(SocialWorkRoles.Reporter), Roles.Contains(SocialWorkRoles.Approver));
}

/// <summary>The roles of the web host and the authorization policies built on them.</summary>
public static class SocialWorkRoles
{
    /// <summary>Reads reports and dashboards inside its scopes.</summary>
    public const string Viewer = "viewer";

    /// <summary>Reads like a viewer and also stores records inside its scopes.</summary>
    public const string Reporter = "reporter";

    /// <summary>Reads like a viewer; approves reports of the divisions below its scopes (the report lifecycle).</summary>
    public const string Approver = "approver";

    /// <summary>The policy of every read endpoint: an authenticated caller with a role and a division scope.</summary>
    public const string ReadPolicy = "socialwork.read";

    /// <summary>The policy of every endpoint that stores records: a <c>reporter</c> with a division scope.</summary>
    public const string WritePolicy = "socialwork.write";

    /// <summary>The policy of approving and returning reports: an authenticated caller with the approver role and a scope.</summary>
    public const string ApprovePolicy = "socialwork.approve";
}
