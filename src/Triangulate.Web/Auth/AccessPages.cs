using System.Text;
using static Triangulate.Web.Html;

namespace Triangulate.Web.Auth;

/// <summary>The pages of signing in and out; each POST form carries the antiforgery field it is given.</summary>
internal static class AccessPages
{
    public static string Login(string tokenField, string returnUrl, string? name = null, string? error = null)
    {
        var s = new StringBuilder("<h1>Sign in</h1>");
        if (error is not null) s.Append("<p class=\"message error\" role=\"alert\">").Append(E(error)).Append("</p>");
        s.Append("<form method=\"post\" action=\"/login\" class=\"login\">").Append(tokenField);
        s.Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(E(returnUrl)).Append("\">");
        s.Append("<p><label for=\"name\">Name</label><br><input id=\"name\" name=\"name\" autocomplete=\"username\" required value=\"").Append(E(name)).Append("\"></p>");
        s.Append("<p><label for=\"password\">Password</label><br><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>");
        s.Append("<p><button type=\"submit\">Sign in</button></p></form>");
        return Page("Sign in", s.ToString());
    }

    public static string Logout(string tokenField, string name) =>
        Page("Sign out", $"<h1>Sign out</h1><p>Signed in as <strong>{E(name)}</strong>.</p><form method=\"post\" action=\"/logout\">{tokenField}<p><button type=\"submit\">Sign out</button></p></form>");

    public static string Denied(string? name) =>
        Page("Not allowed", $"<h1>Not allowed</h1><p>The account <strong>{E(name)}</strong> may read this corpus but not change it: ask for an account with write rights.</p><p><a href=\"/\">Back to the stories</a></p>");

    public static string BadToken() =>
        Page("Expired form", "<h1>The form has expired</h1><p>The form was sent without a valid antiforgery token (it may be older than your session). Go back, reload the page and send it again.</p><p><a href=\"/\">Back to the stories</a></p>");
}
