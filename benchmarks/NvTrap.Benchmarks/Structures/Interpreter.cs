using System.Reflection;
using NvTrap.Benchmarks.Decisions;
using NvTrap.Benchmarks.Inputs;
using NvTrap.Compiler.Lowering;

namespace NvTrap.Benchmarks.Structures;

/// <summary>
/// The <c>nvtrap</c> tool's interpreter: its <c>InterpretedRules</c> (an <see cref="ITrapRules"/>
/// struct over tables laid out at run time from the lowered ruleset) driven by the same engine.
/// The tool keeps those types internal, so they are found by reflection once, at setup; the
/// loops then run as code specialized for the struct, exactly as a direct call would, and the one
/// delegate call per 4,096 decisions is noise.
/// </summary>
internal sealed class Interpreter
{
    private const string TablesType = "NvTrap.Cli.Interpreting.InterpretedTables";
    private const string RulesType = "NvTrap.Cli.Interpreting.InterpretedRules";

    private readonly Func<TrapWorkload, int> _decideAll;
    private readonly Func<ushort[], ulong> _lookupAll;

    private Interpreter(Func<TrapWorkload, int> decideAll, Func<ushort[], ulong> lookupAll)
    {
        _decideAll = decideAll;
        _lookupAll = lookupAll;
    }

    /// <summary>Lays out <paramref name="lowered"/> as the tool does and binds the loops to it.</summary>
    public static Interpreter Create(LoweredRuleset lowered)
    {
        var cli = Assembly.Load("NvTrap.Cli");
        var tablesType = cli.GetType(TablesType, throwOnError: true)!;
        var rulesType = cli.GetType(RulesType, throwOnError: true)!;
        var create = tablesType.GetMethod("Create", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, new[] { typeof(LoweredRuleset) })
            ?? throw new MissingMethodException(TablesType, "Create(LoweredRuleset)");
        var tables = create.Invoke(null, new object[] { lowered })!;
        var rules = Activator.CreateInstance(rulesType, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, null, new[] { tables }, null)!;
        var bind = typeof(Interpreter).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(rulesType);
        return (Interpreter)bind.Invoke(null, new[] { rules })!;
    }

    public int DecideAll(TrapWorkload workload) => _decideAll(workload);

    public ulong LookupAll(ushort[] encodings) => _lookupAll(encodings);

    private static Interpreter Bind<TRules>(object boxed)
        where TRules : struct, ITrapRules
    {
        var rules = (TRules)boxed;
        return new Interpreter(workload => DecisionBenchmarks.DecideAll(rules, workload.States, workload), encodings => LookupBenchmarks.LookupAllRules(rules, encodings));
    }
}
