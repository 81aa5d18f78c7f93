using System.Net;
using Microsoft.AspNetCore.Http;

namespace Triangulate.Web;

/// <summary>
/// Checks every request passes before it reaches the app: its address and headers within the sizes Kestrel allows by
/// default (checked here, under Kestrel's own limits raised above them, so that the refusal can say why: Kestrel
/// answers its own 414 and 431 with an empty body, before any middleware runs); a loopback server answers only to loopback host names
/// (a DNS-rebinding page reaches 127.0.0.1 under its own name, so its Host header gives it away), and a state-changing
/// request must not come from another site (a browser sends Sec-Fetch-Site and Origin on every cross-site POST; clients
/// that send neither, like curl, are not browsers a page could drive).
/// </summary>
internal static class RequestGuards
{
    /// <summary>Longest request line answered (method, address, protocol): Kestrel's default, far over any page's address.</summary>
    public const int MaxRequestLine = 8 * 1024;

    /// <summary>Largest total of header names and values answered: Kestrel's default, room for many cookies.</summary>
    public const int MaxHeaders = 32 * 1024;

    /// <summary>Most header lines answered: Kestrel's default.</summary>
    public const int MaxHeaderCount = 100;

    /// <summary>Kestrel's own limits, over which it refuses a request itself with an empty body: far enough above the app's that only a deliberate flood meets them.</summary>
    public const int KestrelRequestLine = 8 * MaxRequestLine;

    /// <inheritdoc cref="KestrelRequestLine"/>
    public const int KestrelHeaders = 8 * MaxHeaders;

    /// <inheritdoc cref="KestrelRequestLine"/>
    public const int KestrelHeaderCount = 8 * MaxHeaderCount;

    /// <summary>Why a request is refused as too large (414: the address, 431: the headers) with its status, or null.</summary>
    public static (string Message, int Status)? TooLarge(HttpRequest request, string rawTarget)
    {
        var line = request.Method.Length + rawTarget.Length + request.Protocol.Length + 2;
        if (line > MaxRequestLine)
            return ($"the address is too long: {line} characters in the request line, over the limit of {MaxRequestLine}", StatusCodes.Status414RequestUriTooLong);
        int headers = 0, count = 0;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values) headers += name.Length + (value?.Length ?? 0) + 4; // "name: value\r\n"
            count += values.Count;
        }
        if (count > MaxHeaderCount)
            return ($"the request has too many headers: {count}, over the limit of {MaxHeaderCount}", StatusCodes.Status431RequestHeaderFieldsTooLarge);
        return headers > MaxHeaders
            ? ($"the request's headers are too large: {headers} bytes, over the limit of {MaxHeaders}", StatusCodes.Status431RequestHeaderFieldsTooLarge)
            : null;
    }

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
