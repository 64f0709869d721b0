using System.Globalization;

namespace NvTrap.Properties.Tests.Infrastructure;

/// <summary>
/// How much a property run does. The normal test run is fixed: a constant seed and a small count,
/// so it is quick and the same every time. Environment variables make a long run:
/// NVTRAP_PROPERTY_ITERATIONS (documents per property), NVTRAP_PROPERTY_SEED (another seed),
/// NVTRAP_PROPERTY_COMPILE_EVERY (how many valid documents per one compiled with Roslyn and held
/// to the interpreter), NVTRAP_PROPERTY_FAILURES (where a long run writes what failed).
/// </summary>
internal static class PropertySettings
{
    public const string IterationsVariable = "NVTRAP_PROPERTY_ITERATIONS";

    public const string SeedVariable = "NVTRAP_PROPERTY_SEED";

    public const string CompileEveryVariable = "NVTRAP_PROPERTY_COMPILE_EVERY";

    public const string FailuresVariable = "NVTRAP_PROPERTY_FAILURES";

    /// <summary>A long run keeps going after a failure, counting failures by class.</summary>
    public static bool IsLongRun => Environment.GetEnvironmentVariable(IterationsVariable) is { Length: > 0 };

    public static long Iterations(long normal) => Number(IterationsVariable, minimum: 1) ?? normal;

    public static ulong Seed(ulong normal) => (ulong?)Number(SeedVariable, minimum: 0) ?? normal;

    public static int CompileEvery(int normal) => (int?)Number(CompileEveryVariable, minimum: 1, maximum: int.MaxValue) ?? normal;

    public static string FailureFolder =>
        Environment.GetEnvironmentVariable(FailuresVariable) is { Length: > 0 } folder
            ? folder
            : Path.Combine(NvTrap.Testing.RepositoryPaths.Root, "artifacts", "property-failures");

    /// <summary>
    /// A setting's value: decimal or 0x-prefixed hexadecimal, with optional '_' separators. A value
    /// that is not a number in range stops the run with the variable's name, not a bare
    /// FormatException (and a compile-every of 0 would divide by zero mid-run).
    /// </summary>
    private static long? Number(string variable, long minimum, long maximum = long.MaxValue)
    {
        if (Environment.GetEnvironmentVariable(variable) is not { Length: > 0 } text)
        {
            return null;
        }

        var digits = text.Trim().Replace("_", string.Empty);
        bool hex = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        bool parsed = hex
            ? long.TryParse(digits.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long value)
            : long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (!parsed || value < minimum || value > maximum)
        {
            throw new InvalidOperationException(
                $"{variable}='{text}': expected a whole number from {minimum} to {maximum}, in decimal or 0x-prefixed hexadecimal.");
        }

        return value;
    }
}
