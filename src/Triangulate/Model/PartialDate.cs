using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Triangulate.Model;

/// <summary>
/// A day, a month or a year, as news text states them ("2024-11-25", "2024-11", "2024").
/// Keeps the precision that was written so that "November" never turns into "1 November".
/// </summary>
[JsonConverter(typeof(PartialDateJsonConverter))]
public readonly record struct PartialDate : IComparable<PartialDate>
{
    /// <summary>Creates a date of day, month or year precision.</summary>
    public PartialDate(int year, int? month = null, int? day = null)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year));
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month));
        if (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year, month.Value)))
            throw new ArgumentOutOfRangeException(nameof(day));
        Year = year;
        Month = month;
        Day = day;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month (1-12), or null for a year.</summary>
    public int? Month { get; }

    /// <summary>The day of the month, or null for a month or a year.</summary>
    public int? Day { get; }

    /// <summary>The first day this date can mean.</summary>
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day this date can mean.</summary>
    public DateOnly Latest => Day is not null
        ? new DateOnly(Year, Month!.Value, Day.Value)
        : Month is not null
            ? new DateOnly(Year, Month.Value, DateTime.DaysInMonth(Year, Month.Value))
            : new DateOnly(Year, 12, 31);

    /// <summary>A date of day precision.</summary>
    public static PartialDate FromDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD".</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PartialDate date)
    {
        date = default;
        if (text.Length is not (4 or 7 or 10)) return false;
        if (!int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1) return false;
        if (text.Length == 4) { date = new PartialDate(y); return true; }
        if (text[4] != '-' || !int.TryParse(text[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12) return false;
        if (text.Length == 7) { date = new PartialDate(y, m); return true; }
        if (text[7] != '-' || !int.TryParse(text[8..10], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new PartialDate(y, m, d);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>.</summary>
    public static PartialDate Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"Not an ISO date of day, month or year precision: '{text}'.");

    /// <summary>Orders by the earliest day, then by precision (coarser first).</summary>
    public int CompareTo(PartialDate other)
    {
        var c = Earliest.CompareTo(other.Earliest);
        return c != 0 ? c : other.Latest.CompareTo(Latest);
    }

    /// <summary>Compares by <see cref="CompareTo"/>.</summary>
    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    /// <summary>Compares by <see cref="CompareTo"/>.</summary>
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    /// <summary>Compares by <see cref="CompareTo"/>.</summary>
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    /// <summary>Compares by <see cref="CompareTo"/>.</summary>
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => Day is not null
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}")
        : Month is not null
            ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}")
            : Year.ToString("D4", CultureInfo.InvariantCulture);
}

/// <summary>Writes a <see cref="PartialDate"/> as its ISO string.</summary>
public sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    /// <inheritdoc />
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PartialDate.Parse(reader.GetString() ?? throw new JsonException("A date cannot be null here."));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
