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

    public static long Iterations(long normal) => Number(IterationsVariable) ?? normal;

    public static ulong Seed(ulong normal) => (ulong?)Number(SeedVariable) ?? normal;

    public static int CompileEvery(int normal) => (int?)Number(CompileEveryVariable) ?? normal;

    public static string FailureFolder =>
        Environment.GetEnvironmentVariable(FailuresVariable) is { Length: > 0 } folder
            ? folder
            : Path.Combine(NvTrap.Testing.RepositoryPaths.Root, "artifacts", "property-failures");

    private static long? Number(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text
            ? long.Parse(text.Replace("_", string.Empty), NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;
}
