using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SocialWork.Samples.Web.Tests;

/// <summary>
/// Bearer tokens for the tests, signed with HS256 by a key the test host is configured with exactly as
/// <c>dotnet user-jwts</c> configures a host (<c>Authentication:Schemes:Bearer</c>: <c>ValidIssuer</c>,
/// <c>ValidAudiences</c>, <c>SigningKeys</c> with <c>Issuer</c> and a base64 <c>Value</c>).
/// </summary>
public static class TestTokens
{
    public const string Issuer = "socialwork-tests";
    public const string Audience = "socialwork";

    /// <summary>The district of the demo: 竞秀区.</summary>
    public const string District = "130602";

    /// <summary>A street of the district: 韩村北路街道.</summary>
    public const string Street = "130602005";

    public static readonly byte[] Key = SHA256.HashData(Encoding.UTF8.GetBytes("socialwork web tests: not a secret"));

    /// <summary>The settings that make a host accept the tests' tokens.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(Key),
    };

    /// <summary>The same settings as command-line arguments.</summary>
    public static string[] Arguments => [.. Settings.Select(s => $"--{s.Key}={s.Value}")];

    /// <summary>A token for the district's reporter: what the tests written before access control act as.</summary>
    public static string DistrictReporter { get; } = Create("district-reporter", [SocialWork.Samples.Web.Security.SocialWorkRoles.Reporter], [District]);

    /// <summary>Makes a signed token.</summary>
    /// <param name="subject">The <c>sub</c> claim.</param>
    /// <param name="roles">The <c>role</c> claims.</param>
    /// <param name="divisions">The <c>division</c> claims.</param>
    /// <param name="expires">When it expires (default: in an hour).</param>
    /// <param name="audience">The audience (default <see cref="Audience"/>).</param>
    /// <param name="key">The signing key (default <see cref="Key"/>).</param>
    public static string Create(string subject, IEnumerable<string> roles, IEnumerable<string> divisions, DateTime? expires = null, string audience = Audience, byte[]? key = null)
    {
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        claims.AddRange(divisions.Select(d => new Claim("division", d)));
        var end = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = end.AddHours(-2),
            IssuedAt = end.AddHours(-2),
            Expires = end,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? Key), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Sets a client's bearer token (none for <see langword="null"/>).</summary>
    public static HttpClient WithToken(this HttpClient client, string? token)
    {
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
