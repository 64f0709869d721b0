using System.Reflection;

namespace NvTrap.Properties.Tests.Infrastructure;

internal delegate TrapDecision DecideFunction(in VcpuState state, in VmProfile vm, Esr esr);

internal delegate TrapExplanation ExplainFunction(in VcpuState state, in VmProfile vm, Esr esr);

internal delegate bool ConditionFunction(int group, ref VcpuState state, ref VmProfile vm, SysRegEncoding encoding);

internal delegate bool FilterFunction(int filter, ref VcpuState state, ref VmProfile vm);

internal delegate bool ContextFunction(ref VcpuState state, ref VmProfile vm);

/// <summary>
/// The generated class of one ruleset, reached through delegates: the public API (Decide, Explain,
/// DefaultVm, ConfiguredEncodings) and the generated Rules struct's expressions (conditions,
/// filters, context tests), each closed over the generic arguments the interpreter uses too.
/// </summary>
internal sealed class GeneratedRules
{
    public GeneratedRules(Type type)
    {
        MethodInfo Public(string name, int arity) =>
            type.GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m => m.Name == name && m.GetGenericArguments().Length == arity);
        var generic = new[] { typeof(VcpuState), typeof(VmProfile) };
        Decide = Public("Decide", 2).MakeGenericMethod(generic).CreateDelegate<DecideFunction>();
        Explain = Public("Explain", 2).MakeGenericMethod(generic).CreateDelegate<ExplainFunction>();
        DefaultVm = type.GetMethod("DefaultVm")!.CreateDelegate<Func<VmProfile>>();
        ConfiguredEncodings = type.GetMethod("ConfiguredEncodings")!.CreateDelegate<Func<SysRegEncoding[]>>();

        var rulesType = type.GetNestedType("Rules") ?? throw new PropertyFailure("generated-shape", $"{type} has no nested Rules struct");
        object rules = Activator.CreateInstance(rulesType)!;
        MethodInfo Instance(string name) => rulesType.GetMethod(name)!.MakeGenericMethod(generic);
        Condition = Instance("EvaluateCondition").CreateDelegate<ConditionFunction>(rules);
        Filter = Instance("FilterHolds").CreateDelegate<FilterFunction>(rules);
        Hypervisor = Instance("IsHypervisorContext").CreateDelegate<ContextFunction>(rules);
        HostEl0 = Instance("IsHostEl0").CreateDelegate<ContextFunction>(rules);
    }

    public DecideFunction Decide { get; }

    public ExplainFunction Explain { get; }

    public Func<VmProfile> DefaultVm { get; }

    public Func<SysRegEncoding[]> ConfiguredEncodings { get; }

    public ConditionFunction Condition { get; }

    public FilterFunction Filter { get; }

    public ContextFunction Hypervisor { get; }

    public ContextFunction HostEl0 { get; }
}
