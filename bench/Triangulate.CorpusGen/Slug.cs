using System.Text;

namespace Triangulate.CorpusGen;

/// <summary>URL slugs from headlines: lower-case ASCII words joined by hyphens.</summary>
internal static class Slug
{
    public static string Of(string text, int maxLength = 70)
    {
        var slug = new StringBuilder(Math.Min(text.Length, maxLength));
        var hyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (slug.Length >= maxLength) break;
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (hyphen && slug.Length > 0) slug.Append('-');
                slug.Append(char.ToLowerInvariant(c));
                hyphen = false;
            }
            else
            {
                hyphen = true;
            }
        }
        return slug.ToString();
    }
}
