using Triangulate.Extract;
using Triangulate.Extract.Entities;
using Triangulate.Model;
using Triangulate.Tests.Support;
using Triangulate.Text;

namespace Triangulate.Tests.Unit.Extract;

public sealed class EntityExtractorTests
{
    internal static ExtractionContext Run(string text)
    {
        var context = new ExtractionContext(Some.Document(text), new PunctuationSentenceSplitter());
        new EntityExtractor().Extract(context);
        return context;
    }

    [Fact]
    public void MarketIndicesAreFinancialNamesByTheirHead()
    {
        var context = Run("Stocks slid on Tuesday: the Dow Jones Industrial Average shed 2%, the Nasdaq Composite fell further and the Hang Seng index closed flat.");
        foreach (var name in (string[])["Dow Jones Industrial Average", "Nasdaq Composite", "Hang Seng"])
            Assert.Equal(EntityType.Financial, Assert.Single(context.Entities, e => e.Name == name).Type);
    }

    [Fact]
    public void ACurrencyWrittenInLowerCaseAfterTheIsAFinancialName()
    {
        var context = Run("The yen rose against the dollar, and the franc's slide ended as the rupee weakened.");
        foreach (var name in (string[])["yen", "dollar", "franc", "rupee"])
            Assert.Equal(EntityType.Financial, Assert.Single(context.Entities, e => e.Name == name).Type);
    }

    [Fact]
    public void ACurrencyWordModifyingANounIsNoName()
    {
        var context = Run("Banks in the euro zone said the dollar amount was small; prices are quoted in euros.");
        Assert.DoesNotContain(context.Entities, e => e.Type == EntityType.Financial);
    }

    [Fact]
    public void AnAmpersandNameIsOneNameAndWithANumberAnIndex()
    {
        var context = Run("Futures on the S&P 500 slipped before the Standard & Poor's 500 index opened; Procter & Gamble fell.");
        Assert.Equal(EntityType.Financial, Assert.Single(context.Entities, e => e.Name == "S&P 500").Type);
        Assert.Equal(EntityType.Financial, Assert.Single(context.Entities, e => e.Name == "Standard & Poor's 500").Type);
        Assert.Single(context.Entities, e => e.Name == "Procter & Gamble");
        Assert.DoesNotContain(context.Entities, e => e.Name is "Poor" or "Standard" or "P 500");
    }

    [Fact]
    public void AnAdverbOrParticipleOpeningASentenceIsNoName()
    {
        var context = Run("Initially, the carrier blamed the weather. Totaling US$ 2 billion, the order went to Airbus.");
        Assert.DoesNotContain(context.Entities, e => e.Name.StartsWith("Initially", StringComparison.Ordinal) || e.Name.StartsWith("Totaling", StringComparison.Ordinal));
        Assert.Single(context.Entities, e => e.Name == "Airbus");
    }

    [Fact]
    public void ACountryRunIntoAPersonsNameIsTwoNames()
    {
        var context = Run("The France Emmanuel Macron government met unions on Friday.");
        Assert.Equal(EntityType.Place, Assert.Single(context.Entities, e => e.Name == "France").Type);
        Assert.Single(context.Entities, e => e.Name == "Emmanuel Macron");
    }

    [Fact]
    public void AnAcronymJoinsTheLongerNameItAbbreviates()
    {
        var context = Run("Shares of Texas Instruments rose. TI said orders doubled.");
        var company = Assert.Single(context.Entities, e => e.Name == "Texas Instruments");
        Assert.Contains("TI", company.Aliases);
        Assert.Equal(2, company.Mentions.Count);
    }

    [Fact]
    public void AFinancialNameIsWrittenToTheContractAsOtherWithItsSubtype()
    {
        var index = Assert.Single(Run("The Nikkei Stock Average rose again.").Entities, e => e.Type == EntityType.Financial).ForContract();
        Assert.Equal((EntityType.Other, "financial"), (index.Type, index.Subtype));
    }

    [Fact]
    public void ARankedPersonKeepsTitleAndAppositionAndTheSurnameResolvesToThem()
    {
        var context = Run("The fate of Lieutenant General Valery Solodchuk, the deputy commander of the 44th Army Corps, is unknown. Rumors abound about Solodchuk's fate.");
        var general = Assert.Single(context.Entities, e => e.Name == "Valery Solodchuk");
        Assert.Equal(EntityType.Person, general.Type);
        Assert.Contains("Lieutenant General", general.Descriptions);
        Assert.Contains("the deputy commander of the 44th Army Corps", general.Descriptions);
        Assert.Equal(2, general.Mentions.Count);
        Assert.Equal("Solodchuk", general.Mentions[1].Excerpt);
        var unit = Assert.Single(context.Entities, e => e.Type == EntityType.Unit);
        Assert.Equal("44th Army Corps", unit.Name);
    }

    [Fact]
    public void AnAgeAppositionIsKeptWithTheDescriptionAfterIt()
    {
        var context = Run("Oleh, 30, a soldier in the 47th Mechanised Brigade, said the line held.");
        var oleh = Assert.Single(context.Entities, e => e.Name == "Oleh");
        Assert.Equal(EntityType.Person, oleh.Type);
        Assert.Contains("30, a soldier in the 47th Mechanised Brigade", oleh.Descriptions);
    }

    [Fact]
    public void TitlesAfterNationalityAdjectivesMakeAPerson()
    {
        var context = Run("As the situation dragged on, Ukrainian President Zelensky acknowledged the danger. Zelensky remarked on it.");
        var president = Assert.Single(context.Entities, e => e.Name == "Zelensky");
        Assert.Equal(EntityType.Person, president.Type);
        Assert.Contains("Ukrainian President", president.Descriptions);
        Assert.DoesNotContain(context.Entities, e => e.Name.StartsWith("Ukrainian", StringComparison.Ordinal));
    }

    [Fact]
    public void WeaponsPlacesAndOrganisationsAreTypedByTheirCues()
    {
        var context = Run("Russia said it shot down American ATACMS missiles near Belgorod. The Institute for the Study of War disagreed. Fighting in the Kharkiv region went on.");
        Assert.Equal(EntityType.Weapon, Assert.Single(context.Entities, e => e.Name == "ATACMS").Type);
        Assert.Equal(EntityType.Place, Assert.Single(context.Entities, e => e.Name == "Belgorod").Type);
        Assert.Equal(EntityType.Organization, Assert.Single(context.Entities, e => e.Name == "Institute for the Study of War").Type);
        Assert.Equal(EntityType.Place, Assert.Single(context.Entities, e => e.Name == "Kharkiv").Type);
    }

    [Fact]
    public void PronounsResolveToTheNearestPersonBefore()
    {
        var context = Run("Michael Kofman, a military analyst at CNA, said the offensive stalled. He added that it was costly.");
        var kofman = Assert.Single(context.Entities, e => e.Name == "Michael Kofman");
        Assert.Contains("a military analyst at CNA", kofman.Descriptions);
        Assert.Contains(kofman.Mentions, m => m.Excerpt == "He");
    }

    [Fact]
    public void SentenceInitialFunctionWordsAreNotEntities()
    {
        var context = Run("However, the attack failed. The Army said so.");
        Assert.DoesNotContain(context.Entities, e => e.Name.Contains("However", StringComparison.Ordinal) || e.Name.StartsWith("The", StringComparison.Ordinal));
        Assert.Single(context.Entities, e => e.Name == "Army");
    }

    [Fact]
    public void ACommonNounOpeningASentenceIsNotANameEvenBeforeASpeechVerb()
    {
        var context = Run("Soldiers said they had been told to capture a prisoner. Many soldiers left. Bloggers also posted footage that military bloggers shared.");
        Assert.DoesNotContain(context.Entities, e => e.Name is "Soldiers" or "Bloggers");
    }

    [Fact]
    public void AnOpenerCoordinatedWithANameIsANameOfTheSameType()
    {
        var context = Run("Atacms and Storm Shadow missiles may have been used to powerful effect. Soldiers saw little of it.");
        Assert.Equal(EntityType.Weapon, Assert.Single(context.Entities, e => e.Name == "Atacms").Type);
        Assert.Equal(EntityType.Weapon, Assert.Single(context.Entities, e => e.Name == "Storm Shadow").Type);
    }

    [Fact]
    public void CountriesArePlacesAndPeoplesAreNotNames()
    {
        var context = Run("Reports say North Koreans fought in the war. South Korea's NIS said that Russians trained them. Talks were held in Jeddah, Saudi Arabia, and the United States joined.");
        Assert.DoesNotContain(context.Entities, e => e.Name is "North Koreans" or "Russians" or "Korea" or "Arabia");
        Assert.Equal(EntityType.Place, Assert.Single(context.Entities, e => e.Name == "South Korea").Type);
        Assert.Equal(EntityType.Place, Assert.Single(context.Entities, e => e.Name == "Saudi Arabia").Type);
        Assert.Equal(EntityType.Place, Assert.Single(context.Entities, e => e.Name == "United States").Type);
        Assert.Equal(EntityType.Organization, Assert.Single(context.Entities, e => e.Name == "NIS").Type);
    }

    [Fact]
    public void TitlesAfterCountriesAndElectSuffixesMakeAPersonAndATitleAloneIsNobody()
    {
        var context = Run("It was a dispute with former US President Donald Trump, aides said. With nine days to go before President-elect Donald Trump took office, the President spoke.");
        var trump = Assert.Single(context.Entities, e => e.Name == "Donald Trump");
        Assert.Equal(EntityType.Person, trump.Type);
        Assert.Contains("US President", trump.Descriptions);
        Assert.DoesNotContain(context.Entities, e => e.Name is "President" or "U.S. President Donald Trump" or "President-elect Donald Trump");
    }

    [Fact]
    public void AnEditorsBracketJoinsTheNameAndNamesAPerson()
    {
        var context = Run("Zelensky said: 'The main focus for [Russian President Vladimir] Putin is to push us out.' Later he said “he [Medvedev] wants it too”.");
        var putin = Assert.Single(context.Entities, e => e.Name == "Vladimir Putin");
        Assert.Equal(EntityType.Person, putin.Type);
        Assert.Equal(EntityType.Person, Assert.Single(context.Entities, e => e.Name == "Medvedev").Type);
        Assert.DoesNotContain(context.Entities, e => e.Name is "President" or "Vladimir");
    }

    [Fact]
    public void OrganisationNamesJoinOverAndAndDropAnAdjectivalPlace()
    {
        var context = Run("“It is the only area,” Serhiy Kuzan, of the Ukrainian Security and Cooperation Centre, told me. Michael Kofman, a military analyst at the Virginia-based Center for Naval Analyses, agreed.");
        Assert.Equal(EntityType.Organization, Assert.Single(context.Entities, e => e.Name == "Ukrainian Security and Cooperation Centre").Type);
        Assert.Equal(EntityType.Organization, Assert.Single(context.Entities, e => e.Name == "Center for Naval Analyses").Type);
        Assert.DoesNotContain(context.Entities, e => e.Name.Contains("Virginia", StringComparison.Ordinal) || e.Name == "Security");
    }

    [Fact]
    public void NamesGivenAsExamplesOfAKindTakeItsType()
    {
        var context = Run("Allies have provided long-range missiles, such as the Atacms and Storm Shadows, to counter attacks. Forces were drawn away from areas like Zaporizhzhia and Kharkiv.");
        Assert.Equal(EntityType.Weapon, Assert.Single(context.Entities, e => e.Name == "Atacms").Type);
        Assert.Equal(EntityType.Weapon, Assert.Single(context.Entities, e => e.Name == "Storm Shadows").Type);
        Assert.Equal(EntityType.Place, Assert.Single(context.Entities, e => e.Name == "Zaporizhzhia").Type);
        Assert.Equal(EntityType.Place, Assert.Single(context.Entities, e => e.Name == "Kharkiv").Type);
    }

    [Fact]
    public void APronounPrefersTheSubjectOfThePreviousSentenceOverTheNearestName()
    {
        var context = Run("Oleh Petrenko met Donald Trump in Kyiv on Friday. He said the talks went well.");
        var oleh = Assert.Single(context.Entities, e => e.Name == "Oleh Petrenko");
        Assert.Contains(oleh.Mentions, m => m.Excerpt == "He");
        Assert.DoesNotContain(Assert.Single(context.Entities, e => e.Name == "Donald Trump").Mentions, m => m.Excerpt == "He");
    }

    [Fact]
    public void APronounSkipsAPersonOfTheOtherGender()
    {
        var context = Run("Mr John Major met Mrs Margaret Thatcher on Friday. She said the talks went well.");
        Assert.Contains(Assert.Single(context.Entities, e => e.Name == "Margaret Thatcher").Mentions, m => m.Excerpt == "She");
    }

    [Fact]
    public void AbbreviatedMonthsAreNotNames()
    {
        var context = Run("Both sides want gains ahead of Jan. 20, the analyst said, and a vehicle passed on Dec. 8.");
        Assert.DoesNotContain(context.Entities, e => e.Name is "Jan" or "Dec");
    }

    [Fact]
    public void ACamelCaseNameWithAModelNumberIsAProduct()
    {
        var context = Run("Shoppers queued outside stores on Friday to buy the new iPhone 15, which the company unveiled last week.");
        Assert.Equal(EntityType.Product, Assert.Single(context.Entities, e => e.Name == "iPhone 15").Type);
    }

    [Fact]
    public void ANameBeforeACorporateTitleIsTheOrganisationAndThePersonKeepsTheTitle()
    {
        var context = Run("Lufthansa CEO Carsten Spohr told investors the airline would add routes.");
        Assert.Equal(EntityType.Organization, Assert.Single(context.Entities, e => e.Name == "Lufthansa").Type);
        var person = Assert.Single(context.Entities, e => e.Name == "Carsten Spohr");
        Assert.Equal(EntityType.Person, person.Type);
        Assert.Contains("CEO", person.Descriptions);
    }

    [Fact]
    public void TheFirstWordOfAModelNameIsItsMakerNotAShortForm()
    {
        var context = Run("Qantas took delivery of its first Boeing 787 on Tuesday. More will follow as Boeing speeds up production.");
        Assert.Equal(EntityType.Product, Assert.Single(context.Entities, e => e.Name == "Boeing 787").Type);
        var maker = Assert.Single(context.Entities, e => e.Name == "Boeing");
        Assert.Equal(EntityType.Organization, maker.Type);
    }

    [Fact]
    public void ACompanySuffixMakesAnOrganisation()
    {
        var context = Run("Investors sold shares of Halvorsen Systems after the firm cut its forecast.");
        Assert.Equal(EntityType.Organization, Assert.Single(context.Entities, e => e.Name == "Halvorsen Systems").Type);
    }

    [Fact]
    public void CurrencyCodesAndDollarPrefixesAreNotNames()
    {
        var context = Run("The deal is worth US$ 40 billion, or about 37 billion EUR, bankers said.");
        Assert.DoesNotContain(context.Entities, e => e.Name is "US" or "EUR");
    }

    [Fact]
    public void ARunOpeningWithAGivenNameIsAPersonWithoutOtherCues()
    {
        var context = Run("The prize went to Maria Lindqvist in Uppsala on Sunday.");
        Assert.Equal(EntityType.Person, Assert.Single(context.Entities, e => e.Name == "Maria Lindqvist").Type);
    }

    [Fact]
    public void ANameEndingInAnEventHeadIsAnEvent()
    {
        var context = Run("Buyers crowded the Farnborough Air Show this week.");
        Assert.Equal(EntityType.Event, Assert.Single(context.Entities, e => e.Name == "Farnborough Air Show").Type);
    }

    [Fact]
    public void ASingleQuotedSpeakerIsAPersonAndASingleStatementMakerAnOrganisation()
    {
        var context = Run("Volvo said on Monday it would cut 300 jobs. \u201cWe saw it coming,\u201d Ingrid said outside the plant.");
        Assert.Equal(EntityType.Organization, Assert.Single(context.Entities, e => e.Name == "Volvo").Type);
        Assert.Equal(EntityType.Person, Assert.Single(context.Entities, e => e.Name == "Ingrid").Type);
    }

    [Fact]
    public void PlainTwoWordNamesAreNotGuessedToBePeople()
    {
        var context = Run("Flights by Tarrow Kell resumed after the strike.");
        Assert.NotEqual(EntityType.Person, Assert.Single(context.Entities, e => e.Name == "Tarrow Kell").Type);
    }

    [Fact]
    public void ABareModelNumberIsAMentionOfTheProductNamedEarlier()
    {
        var context = Run("The carrier received its first Embraer 195 on Monday, and two more 195s arrive in June.");
        var product = Assert.Single(context.Entities, e => e.Name == "Embraer 195");
        Assert.Equal(EntityType.Product, product.Type);
        Assert.Contains(product.Mentions, m => m.Excerpt == "195s");
    }

    [Fact]
    public void AnAcronymInBracketsTakesTheTypeOfTheNameItAbbreviates()
    {
        var context = Run("Delegates met at the Nordic Energy Forum Conference (NEFC) in Oslo. Later NEFC speakers left early.");
        // The acronym joins the name it abbreviates, as an alias of the event.
        Assert.Equal(EntityType.Event, Assert.Single(context.Entities, e => e.Aliases.Contains("NEFC")).Type);
    }

    [Fact]
    public void AnAcronymInBracketsMadeOfTheStartsOfTheWordsJoinsTheNameItFollows()
    {
        var context = Run("Flights of Maravia Airways (MAA) resumed on Monday. MAA said demand was strong.");
        var airline = Assert.Single(context.Entities, e => e.Name == "Maravia Airways");
        Assert.Contains("MAA", airline.Aliases);
        Assert.Equal(3, airline.Mentions.Count);
    }

    [Theory]
    [InlineData("Singapore Airlines", "SIA", true)]
    [InlineData("General Motors", "GM", true)]
    [InlineData("Bank of Maravia", "BOM", true)]
    [InlineData("Bank of Maravia", "BM", true)]
    [InlineData("General Motors", "GMC", false)]
    [InlineData("Singapore Airlines", "SL", false)]
    [InlineData("Singapore Airlines", "S", false)]
    public void AnAcronymSpellsTheStartsOfEveryWordInOrder(string name, string acronym, bool spells) =>
        Assert.Equal(spells, EntityExtractor.SpellsWordStarts(name, acronym));

    [Fact]
    public void AJoinedLowerCaseParticleIsPartOfTheSurname()
    {
        var context = Run("The army, led by Abdel Fattah al-Burhan, retreated, and the talks hosted by Ahmed el-Sayed ended.");
        Assert.Contains(context.Entities, e => e.Name == "Abdel Fattah al-Burhan");
        Assert.Contains(context.Entities, e => e.Name == "Ahmed el-Sayed");
        Assert.DoesNotContain(context.Entities, e => e.Name == "Abdel Fattah" || e.Name == "Ahmed");
    }

    [Fact]
    public void ATitleWordBeforeAnOrganisationHeadNamesTheOrganisation()
    {
        var context = Run("The company said it would appeal to the General Court in Luxembourg.");
        Assert.Contains(context.Entities, e => e.Name == "General Court" && e.Type == EntityType.Organization);
        Assert.DoesNotContain(context.Entities, e => e.Type == EntityType.Person);
    }

    [Fact]
    public void ANameSpokenRightAfterASpeechVerbIsAPerson()
    {
        var context = Run("\"We cannot get a single truck through,\" said Lena Varga, a spokesperson for the agency.");
        Assert.Contains(context.Entities, e => e.Name == "Lena Varga" && e.Type == EntityType.Person);
    }

    [Fact]
    public void AnOrganisationThatSpeaksIsNotAPerson()
    {
        var context = Run("The United Nations says more than 260,000 civilians remain trapped. The World Food Programme said aid could not reach the city.");
        Assert.Contains(context.Entities, e => e.Name == "United Nations" && e.Type == EntityType.Organization);
        Assert.Contains(context.Entities, e => e.Name == "World Food Programme" && e.Type == EntityType.Organization);
    }

    [Fact]
    public void ALoneGivenNameWithADescriptionIsAPerson()
    {
        var context = Run("Polling was slow in the west. Mary, a 42-year-old trader, said she had queued for hours.");
        Assert.Contains(context.Entities, e => e.Name == "Mary" && e.Type == EntityType.Person);
    }

    // Issue 15, third round: title-case headlines. Invented text.
    [Fact]
    public void ATitleCaseHeadlinesCapitalsAreNoEvidenceOfNames()
    {
        var context = Run("Storm Forces Closure Of Coastal Roads Near Marlow\n\nA storm forced the closure of coastal roads near Marlow on Tuesday, the Highway Agency said.");
        Assert.DoesNotContain(context.Entities, e => e.Name.Contains("Storm", StringComparison.Ordinal) || e.Name.Contains("Coastal", StringComparison.Ordinal) || e.Name.Contains("Closure", StringComparison.Ordinal));
        // Named inside a body sentence: a name in the headline too.
        var marlow = Assert.Single(context.Entities, e => e.Name == "Marlow");
        Assert.Equal(2, marlow.Mentions.Count);
    }

    [Fact]
    public void ANameInATitleCaseHeadlineIsKeptWhenTheBodyWritesItMidSentence()
    {
        var context = Run("Talks With Nordvik Airways Stall Over Pay\n\nPilots said talks with Nordvik Airways stalled on Monday.");
        var airline = Assert.Single(context.Entities, e => e.Name == "Nordvik Airways");
        Assert.Equal(2, airline.Mentions.Count);
        Assert.DoesNotContain(context.Entities, e => e.Name.Contains("Stall", StringComparison.Ordinal) || e.Name == "Pay" || e.Name == "Talks");
    }

    [Fact]
    public void ASentenceCaseHeadlineIsReadAsBefore()
    {
        var context = Run("Nordvik Airways orders ten jets\n\nThe airline confirmed the order.");
        Assert.Contains(context.Entities, e => e.Name == "Nordvik Airways");
    }
}

