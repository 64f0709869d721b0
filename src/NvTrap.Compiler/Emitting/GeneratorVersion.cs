using System.Reflection;

namespace NvTrap.Compiler.Emitting;

/// <summary>The compiler's version, as [GeneratedCode] and file headers state it (major.minor.patch).</summary>
internal static class GeneratorVersion
{
    public static string Value { get; } = typeof(GeneratorVersion).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
