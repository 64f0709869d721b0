using System.Text;

namespace NvTrap.Properties.Tests.Infrastructure;

/// <summary>
/// The failures of one property run, by class: how many of each, and the first few examples of
/// each written to files (seed, message and the document) so a long run's findings survive it.
/// </summary>
internal sealed class FailureLog
{
    private const int ExamplesPerKind = 3;

    private readonly string _property;
    private readonly Dictionary<string, (long Count, string First)> _kinds = new(StringComparer.Ordinal);

    public FailureLog(string property) => _property = property;

    public long Count => _kinds.Values.Sum(k => k.Count);

    public void Add(string kind, string seed, string message, string document)
    {
        string report = $"property: {_property}\nkind: {kind}\nseed: {seed}\n\n{message}\n\n--- document\n{document}";
        long count = _kinds.TryGetValue(kind, out var known) ? known.Count + 1 : 1;
        _kinds[kind] = (count, known.First ?? report);
        if (count <= ExamplesPerKind)
        {
            Directory.CreateDirectory(PropertySettings.FailureFolder);
            string safe = new(kind.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
            File.WriteAllText(Path.Combine(PropertySettings.FailureFolder, $"{_property}.{safe}.{count}.txt"), report, Encoding.UTF8);
        }
    }

    public string Summary() =>
        string.Join("\n", _kinds.OrderByDescending(k => k.Value.Count).Select(k => $"  {k.Value.Count,8:N0}  {k.Key}"));

    /// <summary>The first example of the most frequent class, for the test's failure message.</summary>
    public string FirstExample() => _kinds.OrderByDescending(k => k.Value.Count).Select(k => k.Value.First).FirstOrDefault() ?? string.Empty;
}
