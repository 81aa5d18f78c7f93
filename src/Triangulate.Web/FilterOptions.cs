namespace Triangulate.Web;

/// <summary>
/// The options of one filter menu: each non-empty value once, labelled when first met, listed in label order (ties in
/// the order met). A label is made once per value, not once per claim or source that has it.
/// </summary>
internal sealed class FilterOptions
{
    private readonly List<(string Value, string Label, int Order)> _options = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="value"/> shown as <paramref name="label"/>, unless it is empty or already in.</summary>
    public void Add(string value, string label)
    {
        if (value.Length > 0 && _seen.Add(value)) _options.Add((value, label, _options.Count));
    }

    /// <summary>Adds <paramref name="value"/>, labelled by <paramref name="label"/> only when it is new and not empty.</summary>
    public void Add<TState>(string value, TState state, Func<string, TState, string> label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (value.Length > 0 && _seen.Add(value)) _options.Add((value, label(value, state), _options.Count));
    }

    /// <summary>The options by label, case ignored; equal labels in the order they were added.</summary>
    public IReadOnlyList<(string Value, string Label, int Order)> InLabelOrder()
    {
        _options.Sort(static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Label, b.Label) is var byLabel and not 0 ? byLabel : a.Order.CompareTo(b.Order));
        return _options;
    }

    /// <summary>Empties the menu for the next one.</summary>
    public void Clear()
    {
        _options.Clear();
        _seen.Clear();
    }
}
