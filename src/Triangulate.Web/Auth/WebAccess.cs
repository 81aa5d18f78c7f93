using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using System.Threading.RateLimiting;
using Triangulate.Store;

namespace Triangulate.Web.Auth;

/// <summary>
/// Who may do what. A server that listens beyond loopback, or is told to ask, wants a sign-in: the accounts are the
/// served store's, a session is an HttpOnly cookie checked against its account on every request, a reader may browse
/// and search, only a writer may change the store (endpoints marked with the <see cref="Write"/> policy), and every
/// state-changing request must carry an antiforgery token. On loopback, by default, nothing is asked, as before
/// accounts existed: the request guards keep other sites and other host names out.
/// </summary>
internal sealed class WebAccess
{
    /// <summary>The policy of endpoints that change the store (a writer's right; anyone's where no sign-in is asked).</summary>
    public const string Write = "write";

    /// <summary>The header a script or an API client sends the antiforgery token in.</summary>
    public const string TokenHeader = "X-CSRF-TOKEN";

    private const string StampClaim = "triangulate:stamp";
    private const string SignInLimit = "sign-in";
    private readonly IAccountStore? _accounts;
    private readonly int _signInsPerMinute;

    public WebAccess(WebHostOptions options, IStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        Required = IsRequired(options);
        _accounts = store as IAccountStore;
        _signInsPerMinute = Math.Max(1, options.SignInAttemptsPerMinute);
        if (Refusal(options, store) is { } refusal) throw new InvalidOperationException(refusal);
    }

    /// <summary>True when a sign-in is asked for.</summary>
    public bool Required { get; }

    /// <summary>A sign-in is asked for when told to, or when any listening address is not a loopback one.</summary>
    public static bool IsRequired(WebHostOptions options) =>
        (options ?? throw new ArgumentNullException(nameof(options))).RequireLogin || !RequestGuards.AllLoopback(options.Urls);

    /// <summary>Why the store must not be served as <paramref name="options"/> say: a sign-in is asked for and no one could sign in.</summary>
    public static string? Refusal(WebHostOptions options, IStore store)
    {
        if (!IsRequired(options)) return null;
        var why = options.RequireLogin ? "a sign-in was asked for" : $"{options.Urls} is not loopback only, so a sign-in is required";
        if (store is not IAccountStore accounts) return $"{why}, and this store cannot keep accounts";
        return accounts.ReadAccounts().Count > 0 ? null
            : $"{why}, and {options.Db} has no accounts: add one with 'triangulate users add NAME --db {options.Db} --role write'";
    }

    /// <summary>The antiforgery field for a POST form of this request (sets the antiforgery cookie when it has none).</summary>
    public static string TokenField(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{Html.E(tokens.FormFieldName)}\" value=\"{Html.E(tokens.RequestToken)}\">";
    }

    public void AddServices(IServiceCollection services)
    {
        // Keys live in memory only: nothing is written outside the store, and a restart ends every session.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = TokenHeader;
            o.Cookie.Name = "triangulate.antiforgery";
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "triangulate.session";
            o.Cookie.HttpOnly = true;
            // Lax, not Strict: a link to a story from elsewhere opens it signed in; cross-site POSTs are stopped by the token.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = c => SignInFirst(c.HttpContext);
            o.Events.OnRedirectToAccessDenied = c => Answer(c.HttpContext, StatusCodes.Status403Forbidden,
                "this account may read the corpus but not change it", AccessPages.Denied(c.HttpContext.User.Identity?.Name));
            o.Events.OnValidatePrincipal = ValidateSession;
        });
        services.AddAuthorization(o =>
        {
            if (Required)
            {
                o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
                o.AddPolicy(Write, p => p.RequireRole(AccountRoles.Name(AccountRole.Write)));
            }
            else o.AddPolicy(Write, p => p.RequireAssertion(_ => true));
        });
        // Each guess costs the server a password hash: a client gets a few a minute, then 429 until the minute is out.
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignInLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = _signInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = (rejected, _) => new ValueTask(Answer(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "too many sign-in attempts: wait a minute and try again", null));
        });
    }

    /// <summary>Sessions, rights and the antiforgery check, in that order: an anonymous POST is answered 401, not 400.</summary>
    public void Use(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Behind a TLS proxy on this machine (the only proxies trusted by default) the session cookie is marked Secure.
        // and sign-in attempts are counted per client, not per proxy.
        if (Required) app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedFor });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(CheckAntiforgery);
    }

    /// <summary>The sign-in and sign-out pages (only where a sign-in is asked for) and <c>/api/session</c>.</summary>
    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/session", (HttpContext context) => Session(context));
        if (!Required) return;
        app.MapGet("/login", (HttpContext context, string? returnUrl) => Page(AccessPages.Login(TokenField(context), LocalPath(returnUrl)))).AllowAnonymous();
        app.MapPost("/login", (Func<HttpContext, Task<IResult>>)SignIn).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(SignInLimit);
        app.MapGet("/logout", (HttpContext context) => Page(AccessPages.Logout(TokenField(context), context.User.Identity?.Name ?? "")));
        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.Redirect("/login");
        }).DisableAntiforgery();
    }

    private async Task<IResult> SignIn(HttpContext context)
    {
        if (!context.Request.HasFormContentType) return Page(AccessPages.Login(TokenField(context), "/", error: "Send the form from the sign-in page."), 400);
        var form = await context.Request.ReadFormAsync().ConfigureAwait(false);
        var name = form["name"].ToString();
        var returnUrl = LocalPath(form["returnUrl"].ToString());
        var account = Passwords.NameProblem(name) is null ? _accounts!.FindAccount(name) : null;
        var verdict = Passwords.Verify(account, form["password"].ToString());
        if (account is null || verdict == PasswordVerificationResult.Failed)
            return Page(AccessPages.Login(TokenField(context), returnUrl, name, "Wrong name or password."), 401);
        // A hash made with fewer iterations than the framework now uses is remade while the password is at hand.
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            _accounts!.UpdateAccount(account with { PasswordHash = Passwords.Hash(form["password"].ToString()) });
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.Name), new Claim(ClaimTypes.Role, AccountRoles.Name(account.Role)), new Claim(StampClaim, account.Stamp)],
            CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        return Results.Redirect(returnUrl);
    }

    /// <summary>Who is signed in, their right, and the antiforgery token a script sends with a POST; or that no sign-in is asked.</summary>
    private IResult Session(HttpContext context)
    {
        if (!Required) return WebHost.Json(w => { w.WriteStartObject(); w.WriteString("access", "open"); w.WriteEndObject(); });
        var user = context.User;
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return WebHost.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("access", "accounts");
            w.WriteString("name", user.Identity?.Name);
            w.WriteString("role", user.IsInRole(AccountRoles.Name(AccountRole.Write)) ? "write" : "read");
            w.WriteString("tokenHeader", TokenHeader);
            w.WriteString("token", tokens.RequestToken);
            w.WriteEndObject();
        });
    }

    /// <summary>A session lasts while its account exists unchanged: removing an account or changing its password or right ends its sessions.</summary>
    private async Task ValidateSession(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var account = name is null || _accounts is null ? null : _accounts.FindAccount(name);
        if (account is not null && account.Stamp == context.Principal!.FindFirstValue(StampClaim)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the antiforgery token of every request that may change something, whatever its endpoint (a form field or
    /// the <see cref="TokenHeader"/> header, with the antiforgery cookie); where no sign-in is asked the request guards do this job.
    /// </summary>
    private async Task CheckAntiforgery(HttpContext context, RequestDelegate next)
    {
        var method = context.Request.Method;
        if (!Required || HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException e)
        {
            // The token is looked for in the form when no header carries it: a body that cannot be read as a form is
            // answered for what it is.
            var (status, message, page) = e.InnerException switch
            {
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "the request is too large", null),
                InvalidDataException d when d.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase) => (StatusCodes.Status413PayloadTooLarge, "the request is too large", null),
                InvalidDataException or IOException => (StatusCodes.Status400BadRequest, "the request body is malformed", null),
                _ => (StatusCodes.Status400BadRequest, $"missing or invalid antiforgery token: send the form from a page of this site, or the token of /api/session in the {TokenHeader} header", AccessPages.BadToken()),
            };
            await Answer(context, status, message, page).ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }

    /// <summary>An anonymous request: 401 with a JSON error under /api, else a redirect to the sign-in page and back.</summary>
    private static Task SignInFirst(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")) return Answer(context, StatusCodes.Status401Unauthorized, "sign in first: this server asks for an account", null);
        context.Response.Redirect("/login?returnUrl=" + Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString));
        return Task.CompletedTask;
    }

    /// <summary>An error answered as JSON under /api and as a page elsewhere (the status code's page when none is given).</summary>
    private static Task Answer(HttpContext context, int status, string message, string? page)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            response.ContentType = "application/json; charset=utf-8";
            return response.WriteAsync(WebHost.JsonError(message));
        }
        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync(page ?? WebHost.ErrorPage(message));
    }

    /// <summary>Where to go after signing in: a path on this site, never another site ("//host", "/\host").</summary>
    private static string LocalPath(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\')) ? url : "/";

    private static IResult Page(string html, int status = 200) => Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
