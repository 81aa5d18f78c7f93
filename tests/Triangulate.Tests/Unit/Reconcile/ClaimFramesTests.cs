using Triangulate.Model;
using Triangulate.Reconcile;

namespace Triangulate.Tests.Unit.Reconcile;

public sealed class ClaimFramesTests
{
    [Theory]
    [InlineData("NORTHBURY (Wirepress) — Three people died.", "Three people died.")]
    [InlineData("Northbury, May 3 (Newsline) - Three people died.", "Three people died.")]
    [InlineData("Northbury, May 3, 2025 (Newsline) - Three people died.", "Three people died.")]
    [InlineData("NORTHBURY, 3 de mayo (Newsline) - Tres personas murieron.", "Tres personas murieron.")]
    [InlineData("NORTHBURY, Rovers 3 - Three people died.", "NORTHBURY, Rovers 3 - Three people died.")]
    [InlineData("Police - without giving names - said three people died.", "Police - without giving names - said three people died.")]
    [InlineData("Police said (in a statement) - three people died.", "Police said (in a statement) - three people died.")]
    [InlineData("WEST HAMLEY - Three people died.", "Three people died.")]
    [InlineData("Three people died - and nine were hurt.", "Three people died - and nine were hurt.")]
    [InlineData("Police said - without giving names - that three people died.", "Police said - without giving names - that three people died.")]
    public void AWireDatelineOpeningASentenceIsLeftOutOfItsFrame(string sentence, string frame)
    {
        Assert.Equal(frame, sentence[ClaimFrames.DatelineEnd(sentence, 0, sentence.Length)..]);
    }

    [Fact]
    public void ADatelineIsReadAtASentenceInsideTheText()
    {
        const string text = "Two died. NORTHBURY (Wirepress) — Three people died.";
        Assert.Equal(text.IndexOf("Three", StringComparison.Ordinal), ClaimFrames.DatelineEnd(text, 10, text.Length));
        Assert.Equal(0, ClaimFrames.DatelineEnd(text, 0, text.Length));
    }

    [Fact]
    public void OneFrameWithOtherNamesInOneSlotIsASubstitution()
    {
        var westham = Frame("Two people died and five were hurt in a fire at a mill on Quarry Lane in Westham on Sunday, police said.");
        var northbury = Frame("Two people died and five were hurt in a fire at a mill on Elm Street in Northbury on Sunday, police said.");
        var added = Frame("Two people died and five were hurt in a fire at a mill on Quarry Lane on Sunday, police in Westham said.");
        var spelt = Frame("Two people died and five were hurt in a fire at a mill on Quarry Lane in Westhame on Sunday, police said.");
        var other = Frame("Emergency crews in Northbury said on Sunday that the mill fire had left two people dead.");

        Assert.True(ClaimFrames.Substituted(westham, northbury));
        // A name one side adds or puts elsewhere, or spells shorter, is a detail, not another event.
        Assert.False(ClaimFrames.Substituted(westham, added));
        Assert.False(ClaimFrames.Substituted(westham, spelt));
        // Other words around other names: another outlet's sentence, left to the other rules.
        Assert.False(ClaimFrames.Substituted(westham, other));
    }

    [Fact]
    public void AFiguresOwnWordsAreNotPartOfItsFrame()
    {
        const string a = "Police evacuated 12 people from nearby homes after the alarm at 7:15 a.m.";
        const string b = "Police evacuated 120 people from nearby homes after the alarm at 7:15 a.m.";
        const string c = "Police evacuated 120 people from nearby homes after the alarm at 9:40 p.m.";
        Frame Figure(string text) => ClaimFrames.Of(text, new TextSpan("d", text.IndexOf('1', StringComparison.Ordinal), text.IndexOf(" people", StringComparison.Ordinal)), ClaimKind.Quantity);

        // The figures differ, the rest is one: that is for the values to judge, not the frame.
        Assert.False(ClaimFrames.Substituted(Figure(a), Figure(b)));
        Assert.True(ClaimFrames.Substituted(Figure(a), Figure(c)));
    }

    [Fact]
    public void TwoDocumentsNamingTwoThingsOfOneKindReportTwoEvents()
    {
        const string alder = "The frigate HMS Alderney stopped three skiffs off the cape on Monday, the ministry said.";
        const string brack = "Three skiffs turned back when HMS Brackwater closed in, its captain told reporters.";
        var alderDocument = new DocumentWords("Coastguards praised the crew. " + alder);
        var brackDocument = new DocumentWords("A second patrol ended quietly. " + brack);

        Assert.True(ClaimFrames.OtherOfOneKind(Frame(alder), alderDocument, Frame(brack), brackDocument));
        // The other document names the first ship too (a background line): the names do not tell the events apart.
        var both = new DocumentWords(brack + " Last spring HMS Alderney met a similar convoy.");
        Assert.False(ClaimFrames.OtherOfOneKind(Frame(alder), alderDocument, Frame(brack), both));
        // One name spelt two ways, and names differing only by a number, are no second thing.
        const string spelt = "Three skiffs turned back when HMS Aldeney closed in.";
        Assert.False(ClaimFrames.OtherOfOneKind(Frame(alder), alderDocument, Frame(spelt), new DocumentWords(spelt)));
        const string crews = "Officers held 12 Tarvish men and 9 Tarvish boys.";
        const string other = "Officers held 14 Tarvish men on the deck.";
        Assert.False(ClaimFrames.OtherOfOneKind(Frame(crews), new DocumentWords(crews), Frame(other), new DocumentWords(other)));
    }

    [Theory]
    [InlineData("rait", "raite", true)]
    [InlineData("catherine", "katherine", true)]
    [InlineData("katie", "kathryn", true)]
    [InlineData("alderney", "brackwater", false)]
    [InlineData("erie", "huron", false)]
    public void NamePartsSpeltTwoWaysAreVariants(string a, string b, bool variant)
    {
        Assert.Equal(variant, ClaimFrames.Variant(a, b));
    }

    [Theory]
    [InlineData("The Rovers have bid £40 million for the keeper.", "rovers")]
    [InlineData("The Rovers have bid £30 million, the Wanderers £40 million over five years.", "wanderers")]
    [InlineData("A bid of £40 million was made by Hartfield Rovers on Monday.", "")]
    [InlineData("An offer by the Hartfield Rovers of £40 million was turned down.", "hartfield rovers")]
    [InlineData("The bid was reported by the Courier as £40 million.", "")]
    [InlineData("Local papers said the Rovers had offered Dan Pell £40 million.", "rovers")]
    [InlineData("The Rovers are believed to have offered £40 million.", "rovers")]
    [InlineData("The Rovers believe the Wanderers have offered £40 million.", "wanderers")]
    [InlineData("On Monday Dan Pell's agent turned down an offer of £40 million.", "")]
    [InlineData("Last week Dan Pell's new £40 million contract was signed.", "dan pell")]
    [InlineData("The Westland government said the pirates had carried £40 million in cash.", "")]
    public void AFiguresAgentIsTheNamedSubjectOfItsClause(string sentence, string agent)
    {
        Assert.Equal(agent, Sum(sentence).Agent);
    }

    [Fact]
    public void FiguresOfTwoNamedPartiesHaveOtherAgents()
    {
        var rovers = Sum("The Rovers have bid £40 million for the keeper.");
        var wanderers = Sum("The Wanderers have offered £40 million for the keeper.");
        var fullName = Sum("In March, Hartfield Rovers bid £40 million for the keeper.");
        var unnamed = Sum("A bid of £40 million for the keeper was made on Monday.");
        var officer = Sum("The Wanderers team of owner Sam Fell offered £40 million, as the Rovers did.");

        Assert.True(ClaimFrames.OtherAgents(rovers, wanderers));
        // One party under a longer name, an unnamed offer, or an agent the other sentence also names: no evidence of two.
        Assert.False(ClaimFrames.OtherAgents(rovers, fullName));
        Assert.False(ClaimFrames.OtherAgents(rovers, unnamed));
        Assert.False(ClaimFrames.OtherAgents(rovers, officer));
    }

    [Theory]
    // The name a relative clause hangs on, or past one the subject of the clause the figure ends.
    [InlineData("Garrard, who completed 28 passes for 329 yards, ran for 12 yards in the second quarter.", "garrard")]
    [InlineData("A big reason why was Quinn, who was just 10 of 22 for 12 yards.", "quinn")]
    // A pronoun: the nearest person named before it in the sentence (not a day, not a description); a full name is
    // one though its given name is not listed.
    [InlineData("Running back Orrin Marsh did not practice Thursday, as he had only 12 yards on 8 carries a week ago.", "orrin marsh")]
    [InlineData("Ted Lomax threw for 12 yards and a touchdown.", "ted lomax")]
    [InlineData("After joining the Hawks as a rookie out of Division II Tiffin, he rushed for 12 yards.", "")]
    // A team or a description is no person: its figure is the other side's loss as often as not.
    [InlineData("The Chiefs rushed for 12 yards.", "")]
    [InlineData("Wind and rain held the visitors to 12 yards.", "")]
    public void AFiguresBearerIsThePersonItsClauseIsAbout(string sentence, string bearer)
    {
        Assert.Equal(bearer, Yards(sentence).Bearer);
    }

    [Fact]
    public void FiguresOfTwoPeopleAreTwoFacts()
    {
        var garrard = Yards("Garrard, who completed 28 passes for 329 yards, ran for 12 yards in the second quarter.");
        var marsh = Yards("Running back Orrin Marsh did not practice Thursday, as he had only 12 yards on 8 carries a week ago.");
        var fullName = Yards("David Garrard ran for 12 yards.");
        var team = Yards("The Chiefs rushed for 12 yards.");

        Assert.True(ClaimFrames.OtherBearers(garrard, marsh));
        // One person under a longer name, or a figure naming no person: no evidence of two.
        Assert.False(ClaimFrames.OtherBearers(garrard, fullName));
        Assert.False(ClaimFrames.OtherBearers(garrard, team));
    }

    // Issue 15, session 30: who reports a figure is not whose figure it is.
    [Theory]
    [InlineData("Ted Lomax said the patch holds 12 yards of cable.", "")]
    [InlineData("Ted Lomax said that Garrard ran for 12 yards.", "garrard")]
    public void AReportedFiguresBearerIsReadInTheReportedClause(string sentence, string bearer)
    {
        Assert.Equal(bearer, Yards(sentence).Bearer);
    }

    [Fact]
    public void ANamedPersonsFigureIsNotCorroboratedByAFigureOfNobodyInParticular()
    {
        var quinn = Yards("A big reason why was Quinn, who was just 10 of 22 for 12 yards.");
        var team = Yards("The Chiefs gave their two backs 12 yards.");
        var pronoun = Yards("He finished with 12 yards.");
        var naming = Yards("The Browns, with Quinn at quarterback, managed 12 yards.");

        Assert.True(ClaimFrames.NamedAgainstNone(quinn, team));
        Assert.True(ClaimFrames.NamedAgainstNone(team, quinn));
        // "he" is some person; a sentence that names the bearer anywhere may be about them.
        Assert.False(ClaimFrames.NamedAgainstNone(quinn, pronoun));
        Assert.False(ClaimFrames.NamedAgainstNone(quinn, naming));
        Assert.True(pronoun.PronounBearer);
    }

    /// <summary>The frame of the figure "12 yards" in <paramref name="text"/>, read in a document that also names "David Garrard" and "Ted Quinn".</summary>
    private static Frame Yards(string text)
    {
        var document = "Quarterbacks David Garrard and Ted Quinn started. " + text;
        var start = document.IndexOf("12 yards", StringComparison.Ordinal);
        return ClaimFrames.Of(document, new TextSpan("d", start, start + "12 yards".Length), ClaimKind.Quantity, new DocumentWords(document));
    }

    /// <summary>The frame of the figure "£40 million" in <paramref name="text"/>.</summary>
    private static Frame Sum(string text)
    {
        var start = text.IndexOf("£40 million", StringComparison.Ordinal);
        return ClaimFrames.Of(text, new TextSpan("d", start, start + "£40 million".Length), ClaimKind.Quantity);
    }

    private static Frame Frame(string text) => ClaimFrames.Of(text, new TextSpan("d", 0, 3), ClaimKind.Status);
}
