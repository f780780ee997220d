using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication;

namespace SocialWork.Samples.Web.Security;

/// <summary>
/// Identity, access and request limits, all with ASP.NET Core's own building blocks: JWT bearer tokens for API clients
/// (configured from <c>Authentication:Schemes:Bearer</c>, the layout <c>dotnet user-jwts</c> writes), an optional OpenID
/// Connect sign-in for the dashboard (<c>Authentication:Schemes:OpenIdConnect</c>), a fallback policy that denies every
/// anonymous request, and a fixed-window rate limiter per principal.
/// </summary>
internal static class WebSecurity
{
    /// <summary>The default scheme: picks the bearer handler or the dashboard's sign-in cookie for each request.</summary>
    public const string Scheme = "SocialWork";

    /// <summary>The configuration section of the OpenID Connect sign-in.</summary>
    public const string OpenIdConnectSection = "Authentication:Schemes:OpenIdConnect";

    /// <summary>The configuration section of the bearer tokens.</summary>
    public const string BearerSection = "Authentication:Schemes:Bearer";

    /// <summary>Registers authentication, authorization and rate limiting.</summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="settings">The host's settings (the request rate).</param>
    public static void AddWebSecurity(this WebApplicationBuilder builder, WebSettings settings)
    {
        var oidc = builder.Configuration.GetSection(OpenIdConnectSection);
        var signIn = !string.IsNullOrWhiteSpace(oidc["Authority"]);
        var authentication = builder.Services.AddAuthentication(Scheme);
        authentication.AddPolicyScheme(Scheme, "Bearer token, or the dashboard's sign-in", o => o.ForwardDefaultSelector = context =>
            context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || !signIn || context.Request.Path.StartsWithSegments("/api")
                ? JwtBearerDefaults.AuthenticationScheme
                : CookieAuthenticationDefaults.AuthenticationScheme);
        authentication.AddJwtBearer();

        // After the handler has bound Authentication:Schemes:Bearer: keep claim names as the token has them ("role",
        // "division", "sub") instead of mapping them to the long XML-schema names.
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = Caller.NameClaim;
            o.TokenValidationParameters.RoleClaimType = Caller.RoleClaim;
        });
        if (signIn)
        {
            authentication.AddCookie(o =>
            {
                o.ForwardChallenge = OpenIdConnectDefaults.AuthenticationScheme;
                o.Cookie.Name = "socialwork.signin";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
            });
            authentication.AddOpenIdConnect(o =>
            {
                o.Authority = oidc["Authority"];
                o.ClientId = oidc["ClientId"];
                o.ClientSecret = oidc["ClientSecret"];
                o.RequireHttpsMetadata = !string.Equals(oidc["RequireHttpsMetadata"], "false", StringComparison.OrdinalIgnoreCase);
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = Caller.NameClaim;
                o.TokenValidationParameters.RoleClaimType = Caller.RoleClaim;
                // Over HTTPS (any real deployment) the sign-in's short-lived cookies are Secure; a trial over HTTP still works.
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ClaimActions.MapJsonKey(Caller.DivisionClaim, Caller.DivisionClaim);
                o.ClaimActions.MapJsonKey(Caller.RoleClaim, Caller.RoleClaim);
                foreach (var scope in oidc.GetSection("Scope").GetChildren().Select(c => c.Value).OfType<string>())
                {
                    o.Scope.Add(scope);
                }
            });
        }

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(SocialWorkRoles.ReadPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => Caller.From(c.User).CanRead))
            .AddPolicy(SocialWorkRoles.WritePolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => Caller.From(c.User).CanWrite))
            .AddPolicy(SocialWorkRoles.ApprovePolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => Caller.From(c.User).CanApprove));

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => context.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetFixedWindowLimiter(Caller.From(context.User).Name, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(string.Empty));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    title: "Too many requests.",
                    detail: $"At most {settings.RequestsPerMinute} requests a minute per caller; try again in {retryAfter} s.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext).ConfigureAwait(false);
            };
        });
    }
}
