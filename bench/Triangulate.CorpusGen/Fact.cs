namespace Triangulate.CorpusGen;

/// <summary>One fact of an event (a name, a figure, a date), written in each language on demand.</summary>
internal abstract class Fact
{
    /// <summary>The fact as text in a language; <paramref name="format"/> is the part after ':' in a placeholder.</summary>
    public abstract string Render(Lang lang, string? format);

    /// <summary>The value for the gold file: language-neutral.</summary>
    public abstract object Gold { get; }

    public static Fact Text(string text) => new TextFact(text);

    public static Fact Local(string en, string de, string fr, string es) => new LocalFact([en, de, fr, es]);

    public static Fact Int(long value) => new IntFact(value);

    public static Fact Dec(double value, int digits) => new DecimalFact(Math.Round(value, digits), digits);

    public static Fact Pct(double value, int digits = 1) => new PercentFact(Math.Round(value, digits), digits);

    public static Fact Money(double millions, string currency) => new MoneyFact(Math.Round(millions, 1), currency);

    public static Fact Price(double value, string currency) => new PriceFact(Math.Round(value, 2), currency);

    public static Fact Date(DateOnly date) => new DateFact(date);

    public static Fact Clock(int hour, int minute) => new ClockFact(hour, minute);

    private sealed class TextFact(string text) : Fact
    {
        public override string Render(Lang lang, string? format) => text;

        public override object Gold => text;
    }

    private sealed class LocalFact(string[] texts) : Fact
    {
        public override string Render(Lang lang, string? format) => texts[(int)lang];

        public override object Gold => texts[0];
    }

    private sealed class IntFact(long value) : Fact
    {
        // Newspapers spell out one to nine in English; the wires do too.
        private static readonly string[] Words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

        public override string Render(Lang lang, string? format) => format switch
        {
            "word" when lang == Lang.En && value is >= 0 and < 10 => Words[value],
            "ord" when lang == Lang.En => value + (value % 100 is 11 or 12 or 13 ? "th" : (value % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" }),
            _ => Locale.Integer(lang, value),
        };

        public override object Gold => value;
    }

    private sealed class DecimalFact(double value, int digits) : Fact
    {
        public override string Render(Lang lang, string? format) => Locale.Decimal(lang, value, digits);

        public override object Gold => value;
    }

    private sealed class PercentFact(double value, int digits) : Fact
    {
        public override string Render(Lang lang, string? format) =>
            format == "num" ? Locale.Decimal(lang, value, digits) : Locale.Percent(lang, value, digits);

        public override object Gold => value;
    }

    private sealed class MoneyFact(double millions, string currency) : Fact
    {
        public override string Render(Lang lang, string? format) => Locale.Money(lang, millions, currency);

        public override object Gold => $"{millions.ToString(System.Globalization.CultureInfo.InvariantCulture)}M {currency}";
    }

    private sealed class PriceFact(double value, string currency) : Fact
    {
        public override string Render(Lang lang, string? format) => Locale.Price(lang, value, currency);

        public override object Gold => $"{value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {currency}";
    }

    private sealed class DateFact(DateOnly date) : Fact
    {
        public override string Render(Lang lang, string? format) => format switch
        {
            "weekday" => Locale.Weekday(lang, date),
            "full" => Locale.FullDate(lang, date),
            "month" => Locale.Month(lang, date.Month),
            "iso" => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            _ => Locale.DayMonth(lang, date),
        };

        public override object Gold => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class ClockFact(int hour, int minute) : Fact
    {
        public override string Render(Lang lang, string? format) => Locale.Time(lang, hour, minute);

        public override object Gold => $"{hour:00}:{minute:00}";
    }
}
