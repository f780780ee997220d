using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SocialWork.Samples.Web.Tests;

/// <summary>
/// The dashboard's sign-in through OpenID Connect against a small provider on loopback (discovery, authorization code with
/// PKCE, token, user info, signing keys): a person is sent to the provider, comes back with a code, and sees the
/// dashboard of the division the provider vouches for; the API still answers 401 rather than redirecting.
/// </summary>
public sealed class OpenIdConnectTests
{
    [Fact]
    public async Task The_dashboard_signs_in_through_the_provider_and_shows_the_scope_it_vouches_for()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var provider = await TestProvider.StartAsync(ct);
        await using var host = await StoreHost.StartAsync("parquet", ct,
            $"--Authentication:Schemes:OpenIdConnect:Authority={provider.Address}",
            "--Authentication:Schemes:OpenIdConnect:ClientId=socialwork-dashboard",
            "--Authentication:Schemes:OpenIdConnect:ClientSecret=test-secret",
            "--Authentication:Schemes:OpenIdConnect:RequireHttpsMetadata=false");
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(host.Address) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/report", ct)).StatusCode);

        var challenge = await browser.GetAsync("/", ct);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(provider.Address + "/authorize", authorize.ToString(), StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal("socialwork-dashboard", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);

        var back = await browser.GetAsync(authorize, ct);   // the provider answers with the code at once (the person "signed in")
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var signedIn = await browser.GetAsync(back.Headers.Location, ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var page = await browser.GetAsync("/", ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(ct);
        Assert.Contains("韩村北路街道（130602005000）", html, StringComparison.Ordinal);
        Assert.DoesNotContain("先锋街道", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/report", ct)).StatusCode);   // the cookie is for the dashboard only
    }

    /// <summary>A minimal OpenID provider: it signs in anyone who asks as a viewer of 韩村北路街道.</summary>
    private sealed class TestProvider : IAsyncDisposable
    {
        private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "test-key" };
        private readonly Dictionary<string, (string Nonce, string Challenge)> codes = [];
        private WebApplication app = null!;

        public string Address { get; private set; } = null!;

        public static async Task<TestProvider> StartAsync(CancellationToken cancellationToken)
        {
            var provider = new TestProvider();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            provider.app = builder.Build();
            provider.Map(provider.app);
            await provider.app.StartAsync(cancellationToken);
            provider.Address = provider.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return provider;
        }

        private void Map(WebApplication web)
        {
            web.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Address,
                ["authorization_endpoint"] = Address + "/authorize",
                ["token_endpoint"] = Address + "/token",
                ["userinfo_endpoint"] = Address + "/userinfo",
                ["jwks_uri"] = Address + "/jwks",
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["code_challenge_methods_supported"] = new[] { "S256" },
            }));
            web.MapGet("/jwks", () =>
            {
                var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
                return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
            });
            web.MapGet("/authorize", (HttpRequest request) =>
            {
                var code = Guid.NewGuid().ToString("N");
                lock (codes)
                {
                    codes[code] = (request.Query["nonce"].ToString(), request.Query["code_challenge"].ToString());
                }
                return Results.Redirect($"{request.Query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(request.Query["state"].ToString())}");
            });
            web.MapPost("/token", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                (string Nonce, string Challenge) grant;
                lock (codes)
                {
                    if (!codes.Remove(form["code"].ToString(), out grant))
                    {
                        return Results.BadRequest(new { error = "invalid_grant" });
                    }
                }
                var verifier = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
                if (verifier != grant.Challenge)
                {
                    return Results.BadRequest(new { error = "invalid_grant", error_description = "PKCE" });
                }
                var accessToken = Guid.NewGuid().ToString("N");
                var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
                var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
                {
                    Issuer = Address,
                    Audience = form["client_id"].ToString() is { Length: > 0 } client ? client : "socialwork-dashboard",
                    Expires = DateTime.UtcNow.AddMinutes(5),
                    IssuedAt = DateTime.UtcNow,
                    Claims = new Dictionary<string, object>
                    {
                        ["sub"] = "oidc-street-viewer",
                        ["nonce"] = grant.Nonce,
                        ["at_hash"] = Base64UrlEncoder.Encode(hash[..16]),
                    },
                    SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
                });
                return Results.Json(new Dictionary<string, object> { ["access_token"] = accessToken, ["token_type"] = "Bearer", ["expires_in"] = 300, ["id_token"] = idToken });
            });
            web.MapGet("/userinfo", () => Results.Json(new Dictionary<string, object>
            {
                ["sub"] = "oidc-street-viewer",
                ["division"] = new[] { "130602005" },
                ["role"] = new[] { "viewer" },
            }));
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
