using Triangulate.Web;

namespace Triangulate.Tests.Unit.Web;

/// <summary>A filter menu lists each value once, by label, as the LINQ it replaced did (distinct by value, stable by label).</summary>
public class FilterOptionsTests
{
    [Fact]
    public void Each_value_is_listed_once_under_its_first_label_in_label_order_with_ties_in_the_order_met()
    {
        var options = new FilterOptions();
        options.Add("d-2", "beta");
        options.Add("", "nothing");
        options.Add("d-1", "Alpha");
        options.Add("d-2", "a later label for d-2");
        options.Add("d-3", "alpha");
        options.Add("d-0", "alpha");

        Assert.Equal(
            [("d-1", "Alpha"), ("d-3", "alpha"), ("d-0", "alpha"), ("d-2", "beta")],
            options.InLabelOrder().Select(o => (o.Value, o.Label)));
    }

    [Fact]
    public void A_label_is_made_only_for_a_new_value_and_a_cleared_menu_starts_empty()
    {
        var options = new FilterOptions();
        var made = 0;
        foreach (var source in new[] { "doc-b", "doc-a", "doc-b", "doc-b", "" })
            options.Add(source, "title of ", (value, prefix) => { made++; return prefix + value; });

        Assert.Equal(2, made);
        Assert.Equal(["title of doc-a", "title of doc-b"], options.InLabelOrder().Select(o => o.Label));
        options.Clear();
        options.Add("doc-b", "again");
        Assert.Equal([("doc-b", "again")], options.InLabelOrder().Select(o => (o.Value, o.Label)));
    }
}
