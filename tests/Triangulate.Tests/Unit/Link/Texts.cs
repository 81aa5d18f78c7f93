namespace Triangulate.Tests.Unit.Link;

/// <summary>Short news texts about two invented events, with a rewrite that drops specifics and an independent report.</summary>
internal static class Texts
{
    public const string FloodOriginal = """
        Floods in Marvale leave 214 families homeless
        Heavy rain flooded the river town of Marvale on Tuesday, forcing 214 families from their homes, mayor Ilse Varnhagen said.
        The Dorn river rose 3.4 metres in six hours, the highest level since records began in 1911.
        “We have never seen water move this fast,” Varnhagen told reporters at the town hall.
        Rescue crews from Kellby and Ostrand pulled 37 people from rooftops during the night.
        The regional government released 12 million euros in emergency aid on Wednesday.
        Engineers warned that the old levee north of the railway bridge could fail if the rain continues.
        Schools in Marvale will stay closed until Monday, the education office said.
        """;

    public const string FloodRewrite = """
        River town swamped as hundreds flee rising water
        Heavy rain flooded a small river town this week, forcing many families from their homes, the local mayor said.
        The river rose several metres in a few hours, the highest level since records began.
        “We have never seen water move this fast,” the mayor told reporters.
        Rescue crews pulled dozens of people from rooftops during the night.
        Engineers warned that an old levee could fail if the rain continues.
        """;

    public const string FloodIndependent = """
        Marvale counts the cost after record flood
        Residents of Marvale began clearing mud from their streets on Thursday after the worst flooding the town has known.
        Shopkeeper Tomas Brel said his bakery lost all its stock and both ovens when the water came in overnight.
        Officials estimate that 214 families were displaced and say damage could exceed 40 million euros.
        Mayor Ilse Varnhagen has asked the province to rebuild the levee along the Dorn before the autumn rains.
        Volunteers from neighbouring villages have set up a kitchen in the sports hall, serving 900 meals a day.
        Insurance companies have opened a claims office near the station.
        """;

    public const string FloodDutch = """
        Overstromingen in Marvale: 214 gezinnen dakloos
        Zware regen zette dinsdag het rivierstadje Marvale onder water, waardoor 214 gezinnen hun huis moesten verlaten, zei burgemeester Ilse Varnhagen.
        De rivier Dorn steeg in zes uur 3,4 meter, het hoogste peil sinds het begin van de metingen in 1911.
        „Zo snel hebben we het water nog nooit zien stijgen”, zei Varnhagen tegen verslaggevers in het stadhuis.
        Reddingsploegen uit Kellby en Ostrand haalden in de nacht 37 mensen van daken.
        De regionale overheid trok woensdag 12 miljoen euro aan noodhulp uit.
        Ingenieurs waarschuwden dat de oude dijk ten noorden van de spoorbrug kan bezwijken als de regen aanhoudt.
        """;

    public const string MineOriginal = """
        Copper mine strike enters third week at Tavira Norte
        Workers at the Tavira Norte copper mine extended their strike into a third week on Monday, union leader Rosa Quintal said.
        About 1,800 miners walked out on March 3 demanding a 9 percent pay rise and safer ventilation in the deep shafts.
        The owner, Andessa Mining, has offered 4 percent and says output has fallen by 60,000 tonnes.
        “We will not go back underground until the shafts are safe,” Quintal told a rally outside the gates.
        The labour ministry has invited both sides to talks in Santa Brisa on Thursday.
        """;

    public const string MineIndependent = """
        Tavira Norte strike hits copper exports
        Copper shipments from the port of Santa Brisa fell sharply this month as the strike at Tavira Norte dragged on.
        Traders said spot prices rose 2 percent on Tuesday on fears of a longer stoppage.
        Andessa Mining declined to comment on the talks but said safety was its first priority.
        Dock workers at the port say three ore carriers have left half empty since the walkout began.
        Union leader Rosa Quintal said the miners of Tavira Norte would keep the strike going until Andessa Mining improves its offer.
        """;

    /// <summary>Two independent reports of one meeting: the same figures, names and two verbatim quotes, each in its own words.</summary>
    public const string HarbourReportA = """
        Dockers vote to end Port Selwyn stoppage
        Dockers at Port Selwyn voted on Friday to end their 11-day stoppage after the Selwyn Harbour Board raised its offer to 6 percent.
        “We have a deal we can live with,” union secretary Mara Oldfield said.
        The board said 42 ships had queued outside the breakwater while the cranes stood idle.
        “The harbour will be working again by Monday morning,” Oldfield said.
        Exporters of timber and dairy had warned of spoiled cargo and lost contracts.
        """;

    /// <inheritdoc cref="HarbourReportA"/>
    public const string HarbourReportB = """
        Port Selwyn strike over as board lifts pay offer
        A better offer of 6 percent from the Selwyn Harbour Board persuaded the dockers to go back after 11 days out, the union announced late on Friday.
        Mara Oldfield, who speaks for the union, told a crowd at the gates: “We have a deal we can live with.”
        With 42 vessels stuck at anchor, the backlog will take weeks to clear, shipping agents believe.
        “The harbour will be working again by Monday morning,” she added.
        Farmers sending milk powder abroad welcomed the news.
        """;
}
