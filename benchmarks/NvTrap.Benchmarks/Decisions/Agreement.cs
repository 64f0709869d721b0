using NvTrap.Benchmarks.Inputs;

namespace NvTrap.Benchmarks.Decisions;

/// <summary>
/// Every structure must give the same answer on the same inputs before its speed means
/// anything: a faster structure that decides differently is not an alternative.
/// </summary>
internal static class Agreement
{
    public static void Require<T>(string suite, AccessPattern pattern, IReadOnlyDictionary<string, T> results)
        where T : IEquatable<T>
    {
        var distinct = results.Values.Distinct().Count();
        if (distinct > 1)
        {
            throw new InvalidOperationException(
                $"{suite} ({pattern}): the structures disagree: " + string.Join(", ", results.Select(r => $"{r.Key}={r.Value}")));
        }
    }
}
