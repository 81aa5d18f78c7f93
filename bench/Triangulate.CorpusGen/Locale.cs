using System.Globalization;

namespace Triangulate.CorpusGen;

/// <summary>
/// Dates and numbers written the way each language's press writes them. Hard-coded rather than taken from
/// CultureInfo so that the output does not depend on the ICU version of the machine.
/// </summary>
internal static class Locale
{
    private static readonly string[][] Months =
    [
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    ];

    // Indexed by DayOfWeek (Sunday = 0).
    private static readonly string[][] Weekdays =
    [
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
        ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
        ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
    ];

    public static string Month(Lang lang, int month) => Months[(int)lang][month - 1];

    public static string Weekday(Lang lang, DateOnly date) => Weekdays[(int)lang][(int)date.DayOfWeek];

    /// <summary>"March 4", "4. März", "4 mars", "4 de marzo".</summary>
    public static string DayMonth(Lang lang, DateOnly date) => lang switch
    {
        Lang.En => $"{Month(lang, date.Month)} {date.Day}",
        Lang.De => $"{date.Day}. {Month(lang, date.Month)}",
        Lang.Fr => date.Day == 1 ? $"1er {Month(lang, date.Month)}" : $"{date.Day} {Month(lang, date.Month)}",
        _ => $"{date.Day} de {Month(lang, date.Month)}",
    };

    /// <summary>"March 4, 2025", "4. März 2025", "4 mars 2025", "4 de marzo de 2025".</summary>
    public static string FullDate(Lang lang, DateOnly date) => lang switch
    {
        Lang.En => $"{DayMonth(lang, date)}, {date.Year}",
        Lang.Es => $"{DayMonth(lang, date)} de {date.Year}",
        _ => $"{DayMonth(lang, date)} {date.Year}",
    };

    /// <summary>An integer with the language's thousands separator (a plain space in French, as most sites print it).</summary>
    public static string Integer(Lang lang, long value)
    {
        var text = value.ToString("#,0", CultureInfo.InvariantCulture);
        return lang switch
        {
            Lang.En => text,
            Lang.Fr => text.Replace(',', ' '),
            // Spanish style guides drop the separator below 10,000.
            Lang.Es when value < 10000 => value.ToString(CultureInfo.InvariantCulture),
            _ => text.Replace(',', '.'),
        };
    }

    public static string Decimal(Lang lang, double value, int digits)
    {
        var text = value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return lang == Lang.En ? text : text.Replace('.', ',');
    }

    public static string Percent(Lang lang, double value, int digits = 1)
    {
        var number = Decimal(lang, value, digits);
        return lang switch
        {
            Lang.En => number + "%",
            Lang.De => number + " Prozent",
            _ => number + " %",
        };
    }

    /// <summary>An amount given in millions of a currency, written as the press writes it.</summary>
    public static string Money(Lang lang, double millions, string currency)
    {
        var euro = currency == "EUR";
        var billions = millions >= 1000;
        var amount = billions ? Decimal(lang, millions / 1000, 2).TrimEnd('0').TrimEnd('.', ',') : Integer(lang, (long)Math.Round(millions));
        return lang switch
        {
            Lang.En => (euro ? "€" : "$") + amount + (billions ? " billion" : " million"),
            Lang.De => amount + (billions ? " Milliarden " : " Millionen ") + (euro ? "Euro" : "Dollar"),
            Lang.Fr => amount + (billions ? " milliards " : " millions ") + (euro ? "d'euros" : "de dollars"),
            _ => (billions ? Integer(lang, (long)Math.Round(millions)) : amount) + " millones de " + (euro ? "euros" : "dólares"),
        };
    }

    /// <summary>A small price, e.g. "$1.24" or "1,24 Euro".</summary>
    public static string Price(Lang lang, double value, string currency)
    {
        var euro = currency == "EUR";
        var whole = (long)Math.Floor(value);
        var cents = (int)Math.Round((value - whole) * 100);
        var number = Integer(lang, whole) + (lang == Lang.En ? "." : ",") + cents.ToString("00", CultureInfo.InvariantCulture);
        return lang switch
        {
            Lang.En => (euro ? "€" : "$") + number,
            Lang.De => number + (euro ? " Euro" : " Dollar"),
            Lang.Fr => number + (euro ? " euros" : " dollars"),
            _ => number + (euro ? " euros" : " dólares"),
        };
    }

    public static string Time(Lang lang, int hour, int minute) => lang switch
    {
        Lang.En => $"{(hour % 12 == 0 ? 12 : hour % 12)}:{minute:00} {(hour < 12 ? "a.m." : "p.m.")}",
        Lang.Fr => $"{hour}h{minute:00}",
        Lang.De => $"{hour}.{minute:00} Uhr",
        _ => $"{hour}:{minute:00} horas",
    };
}
