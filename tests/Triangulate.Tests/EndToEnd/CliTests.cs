using Triangulate.Tests.Support;

namespace Triangulate.Tests.EndToEnd;

/// <summary>The command line run in-process with stderr captured; one collection, since the console is process-wide.</summary>
[Collection(ConsoleTests.Name)]
public class CliTests
{
    private static (int Code, string Error) Run(params string[] args) => Capture(() => Triangulate.Cli.TriangulateCli.Run(args));

    [Fact]
    public void A_plain_progress_log_shows_each_phases_last_counts_and_the_run_s_problems()
    {
        using var output = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(output),
            Ansi = Spectre.Console.AnsiSupport.No,
            ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
        });
        var observer = new Triangulate.Cli.ConsoleObserver(console, quiet: false, verbose: false);
        var (_, error) = Capture(() =>
        {
            observer.OnProgress(new PipelineProgress("read", 1, 0, 0, 0));
            observer.OnProgress(new PipelineProgress("analyse", 64, 64, 0, 0));
            observer.OnProblem(new Model.Problem("a.jsonl", "line 3: not valid JSON"));
            observer.OnProgress(new PipelineProgress("read", 200, 128, 1, 1));
            observer.OnProgress(new PipelineProgress("analyse", 200, 199, 1, 1));
            observer.OnProgress(new PipelineProgress("provenance", 199, 0, 0, 0));
            observer.Finish();
            return 0;
        });
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["read: 1 read, 0 stored, 0 known, 0 problems", "analyse: 200 read, 199 stored, 1 known, 1 problems",
            "provenance: 199 documents in the store, 1 problems"], lines);
        Assert.Contains("error: a.jsonl: line 3: not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_failing_mid_run_is_named_in_one_line_even_inside_a_parallel_stage_s_exception()
    {
        var full = new Microsoft.Data.Sqlite.SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
        Assert.Equal("SQLite Error 13: 'database or disk is full'.", Triangulate.Cli.TriangulateCli.StoreFailure(new AggregateException(full)));
        Assert.Equal("SQLite Error 13: 'database or disk is full'.", Triangulate.Cli.TriangulateCli.StoreFailure(new InvalidOperationException("saving", full)));
        Assert.Null(Triangulate.Cli.TriangulateCli.StoreFailure(new InvalidOperationException("a bug")));
    }

    private static (int Code, string Error) Capture(Func<int> run)
    {
        var previous = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        try
        {
            return (run(), error.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("analyze", "x", "--format", "pdf")]
    [InlineData("no-such-command")]
    public void Usage_errors_exit_with_2(params string[] args) => Assert.Equal(2, Run(args).Code);

    [Fact]
    public void An_unknown_option_is_a_usage_error_with_the_usage_not_an_input_path()
    {
        using var folder = new TempFolder();
        var (code, error) = Run("analyze", "--bogus", "x", "--out", folder.File("out"), "--db", folder.File("t.db"));
        Assert.Equal(2, code);
        Assert.Contains("unknown option '--bogus'", error, StringComparison.Ordinal);
        Assert.Contains("Usage: triangulate analyze PATH...", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("out/dossier.json")));
    }

    [Fact]
    public void Eval_link_on_a_folder_without_CAT_XML_is_a_usage_error_not_a_score_of_zeros()
    {
        using var folder = new TempFolder();
        folder.Write("topic/article.txt", "Not a MEANTIME article.");
        var (code, error) = Run("eval", "link", folder.Path);
        Assert.Equal(2, code);
        Assert.Contains("no CAT XML articles", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Run 'triangulate users add --help'", "users", "add")]
    [InlineData("Run 'triangulate eval extraction --help'", "eval", "extraction")]
    [InlineData("Run 'triangulate analyze --help'", "analyze")]
    [InlineData("Run 'triangulate --help'")]
    public void A_usage_error_points_to_the_help_of_the_whole_command_path(string expected, params string[] args)
    {
        var (code, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Triangulate: turn news articles", "help")]
    [InlineData("Read articles, store them", "help", "analyze")]
    [InlineData("Add an account that may sign in", "help", "users", "add")]
    public void Help_as_a_command_shows_the_help_and_exits_0(string description, params string[] args)
    {
        var previous = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var (code, error) = Run(args);
            Assert.Equal(0, code);
            Assert.Empty(error);
        }
        finally
        {
            Console.SetOut(previous);
        }
        // The usage line names the test host, not "triangulate", in process: the description names the command.
        Assert.Contains("Usage:", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(description, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unwritable_out_folder_is_refused_before_any_analysis()
    {
        using var folder = new TempFolder();
        var notAFolder = folder.Write("taken", "a file where the report folder should be");
        var input = folder.Write("in/a.txt", "Officials said 12 people were hurt in the fire on Tuesday.");
        var (code, error) = Run("analyze", input, "--out", notAFolder, "--db", folder.File("t.db"));
        Assert.Equal(2, code);
        Assert.Contains($"--out {notAFolder}: not a writable folder", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("t.db")), "the store must not be touched before --out is known to be usable");
    }

    [Fact]
    public void A_db_that_is_not_a_store_is_one_usage_line_naming_it_not_an_exception()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in/a.txt", "Officials said 12 people were hurt in the fire on Tuesday.");
        var notAStore = folder.Write("notes.txt", "These are notes, not a database; SQLite refuses to open them as one.");
        var (code, error) = Run("analyze", input, "--out", folder.File("out"), "--db", notAStore, "--quiet");
        Assert.Equal(2, code);
        Assert.Contains($"error: --db {notAStore}: cannot open the store", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Relink_refuses_an_unwritable_out_folder_before_relinking()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in/a.txt", "Officials said 12 people were hurt in the fire on Tuesday.");
        Assert.Equal(0, Run("analyze", input, "--out", folder.File("out"), "--db", folder.File("t.db"), "--quiet").Code);
        var notAFolder = folder.Write("taken", "a file where the report folder should be");
        var (code, error) = Run("relink", "--db", folder.File("t.db"), "--out", notAFolder, "--quiet");
        Assert.Equal(2, code);
        Assert.Contains($"--out {notAFolder}: not a writable folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_runs_give_each_phase_its_wall_and_cpu_time()
    {
        using var folder = new TempFolder();
        var input = folder.Write("in/a.txt", "Officials said 12 people were hurt in the fire on Tuesday.");
        var (code, error) = Run("analyze", input, "--out", folder.File("out"), "--db", folder.File("t.db"), "--format", "json", "--verbose");
        Assert.Equal(0, code);
        foreach (var phase in new[] { "read and analyse", "provenance", "stories", "save", "reports" })
        {
            Assert.Matches($@"(?m)^time: {phase}: [0-9]+\.[0-9]{{2}} s$", error);
            Assert.Matches($@"(?m)^cpu: {phase}: [0-9]+\.[0-9]{{2}} s$", error);
        }
        // The phases summed over stories are thread time already: no process CPU line of their own.
        Assert.DoesNotMatch(@"(?m)^cpu: .*summed over stories", error);

        (code, error) = Run("relink", "--db", folder.File("t.db"), "--out", folder.File("again"), "--format", "json", "--verbose");
        Assert.Equal(0, code);
        Assert.Matches(@"(?m)^time: provenance: [0-9]+\.[0-9]{2} s$", error);
        Assert.Matches(@"(?m)^time: reports: [0-9]+\.[0-9]{2} s$", error);
    }

    [Fact]
    public void A_verbose_run_in_parts_gives_each_part_its_cpu_time_and_bytes()
    {
        using var folder = new TempFolder();
        folder.Write("in/a.txt", "Officials said 12 people were hurt in the fire on Tuesday.");
        folder.Write("in/b.txt", "A storm closed the coast road for a second day, the police said.");
        var (code, error) = Run("analyze", folder.File("in"), "--out", folder.File("out"), "--db", folder.File("t.db"), "--format", "json", "--verbose", "--link-part", "1");
        Assert.Equal(0, code);
        foreach (var phase in new[] { "provenance", "stories", "save" })
            foreach (var part in new[] { 1, 2 })
            {
                Assert.Matches($@"(?m)^cpu: {phase}: part {part}: [0-9]+\.[0-9]{{2}} s$", error);
                Assert.Matches($@"(?m)^alloc: {phase}: part {part}: [0-9]+\.[0-9] MB, gc [0-9]+/[0-9]+/[0-9]+$", error);
            }
    }

    [Fact]
    public void An_empty_folder_is_a_problem_and_exits_1()
    {
        using var folder = new TempFolder();
        var empty = Directory.CreateDirectory(folder.File("empty")).FullName;
        var (code, error) = Run("analyze", empty, "--out", folder.File("out"), "--db", folder.File("t.db"), "--quiet");
        Assert.Equal(1, code);
        Assert.Contains($"error: {empty}: no input files found under {empty}", error, StringComparison.Ordinal);
        Assert.Contains("no input files found", File.ReadAllText(folder.File("out/dossier.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_language_says_why_without_leaking_a_parameter_name()
    {
        var (code, error) = Run("analyze", "x", "--languages", "xx,en");
        Assert.Equal(2, code);
        Assert.Contains("unknown language code 'xx'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_problem_line_is_never_wrapped()
    {
        using var folder = new TempFolder();
        var deep = Directory.CreateDirectory(folder.File(new string('n', 120))).FullName;
        var (_, error) = Run("analyze", deep, "--out", folder.File("out"), "--db", folder.File("t.db"), "--quiet");
        Assert.Contains(error.Split('\n'), line => line.StartsWith($"error: {deep}: no input files found under {deep}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 4, 1)]
    [InlineData(1, 0, 3)]
    [InlineData(2, 7, 3)]
    public void A_failed_stage_outranks_input_problems_in_the_exit_code(int failedStages, int problems, int expected) =>
        Assert.Equal(expected, Triangulate.Cli.ExitCodes.Of(failedStages, problems));

    [Fact]
    public void A_story_dossier_holds_that_story_alone_and_keeps_to_the_contract()
    {
        using var folder = new TempFolder();
        var db = folder.File("t.db");
        var other = Path.Combine(TestPaths.Fixtures, "gold", "heldout", "flood.txt");
        Assert.Equal(0, Run("analyze", TestPaths.KurskExample, other, "--out", folder.File("all"), "--db", db, "--quiet").Code);
        using var store = Triangulate.Store.SqliteStore.Open(db);
        var stories = store.ReadStories();
        Assert.True(stories.Count >= 2);
        var story = stories.OrderByDescending(s => s.Documents.Count).First();
        store.Dispose();

        // By a member document's id: the analyst names the article they follow.
        Assert.Equal(0, Run("relink", "--db", db, "--out", folder.File("one"), "--story", story.Documents[^1], "--format", "json", "--quiet").Code);
        var json = File.ReadAllText(folder.File("one/dossier.json"));
        Assert.Empty(DossierValidator.Errors(json));
        using var dossier = System.Text.Json.JsonDocument.Parse(json);
        var root = dossier.RootElement;
        Assert.Equal(story.Id, Assert.Single(root.GetProperty("stories").EnumerateArray()).GetProperty("id").GetString());
        var documents = root.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToHashSet();
        Assert.True(documents.SetEquals(story.Documents));
        Assert.All(root.GetProperty("claims").EnumerateArray(), c => Assert.Equal(story.Id, c.GetProperty("story").GetString()));
        Assert.NotEmpty(root.GetProperty("claims").EnumerateArray());

        var (code, error) = Run("relink", "--db", db, "--out", folder.File("none"), "--story", "s-nosuchstory", "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("no story 's-nosuchstory'", error, StringComparison.Ordinal);
    }
}
