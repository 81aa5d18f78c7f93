using System.Net;
using Microsoft.AspNetCore.Http;

namespace Triangulate.Web;

/// <summary>
/// Two checks every request passes before it reaches the app: a loopback server answers only to loopback host names
/// (a DNS-rebinding page reaches 127.0.0.1 under its own name, so its Host header gives it away), and a state-changing
/// request must not come from another site (a browser sends Sec-Fetch-Site and Origin on every cross-site POST; clients
/// that send neither, like curl, are not browsers a page could drive).
/// </summary>
internal static class RequestGuards
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]", "::1"];

    /// <summary>True when every listening address is a loopback one.</summary>
    public static bool AllLoopback(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && IsLoopbackName(uri.Host));

    /// <summary>A loopback name: localhost or a loopback address, with or without IPv6 brackets.</summary>
    public static bool IsLoopbackName(string host)
    {
        if (LoopbackNames.Contains(host, StringComparer.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>Why a request to a loopback server is refused (421), or null when its Host is a loopback name.</summary>
    public static string? ForeignHost(HttpRequest request) =>
        request.Host.HasValue && IsLoopbackName(request.Host.Host) ? null : "this server answers only to localhost, 127.0.0.1 or [::1]";

    /// <summary>Why a state-changing request is refused as cross-site (403), or null when it may go on.</summary>
    public static string? CrossSite(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)) return null;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is "same-origin" or "none" ? null : $"cross-site request refused (Sec-Fetch-Site: {site})";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return null;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"cross-site request refused (Origin: {origin})";
    }
}
